using Calltrail.Recorder.Recordings;
using static Calltrail.Recorder.Tests.Recordings.SampleRecording;

namespace Calltrail.Recorder.Tests.Recordings;

public class RecordingWriterTests
{
    private static readonly RecordingKeyRing Ring = TestKeys.Ring("k1");

    // Pause at 100, resume at 600.
    [Theory]
    [InlineData(0, 1000, 100, 500, 400)]  // audio across the whole pause keeps both sides
    [InlineData(150, 300, 0, 300, 0)]     // audio wholly inside the pause is all refused
    [InlineData(50, 700, 50, 500, 150)]
    [InlineData(600, 100, 0, 0, 100)]     // audio from the resume on is kept
    [InlineData(0, 100, 100, 0, 0)]       // audio up to the pause is kept
    public void WriteAudio_InsideAPausedSpan_IsNeverWritten(long start, int frames, int keptBefore, long refused, int keptAfter)
    {
        using var dir = new TempDirectory();
        using (var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring))
        {
            writer.WriteMarker(100, MarkerKind.Pause, "payment");
            writer.WriteMarker(600, MarkerKind.Resume, null);
            writer.WriteAudio(start, Samples(frames, 1));
            Assert.Equal(refused, writer.FramesRefusedWhilePaused);
            writer.Complete(2000);
        }

        using var contents = OpenOrFail(dir.File(), Ring);
        var audio = contents.Records.Where(r => r.Kind == RecordKind.Audio).ToArray();

        Assert.All(audio, r => Assert.True(r.EndFrame <= 100 || r.StartFrame >= 600, $"{r.StartFrame}–{r.EndFrame} overlaps the pause"));
        Assert.Equal(keptBefore, audio.Where(r => r.EndFrame <= 100).Sum(r => r.FrameCount));
        Assert.Equal(keptAfter, audio.Where(r => r.StartFrame >= 600).Sum(r => r.FrameCount));
    }

    [Fact]
    public void WriteAudio_WhilePausedWithNoResumeYet_IsRefused()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);
        writer.WriteAudio(0, Samples(100, 1));
        writer.WriteMarker(100, MarkerKind.Pause, null);

        writer.WriteAudio(100, Samples(5000, 2));

        Assert.Equal(5000, writer.FramesRefusedWhilePaused);
        Assert.Equal(2, writer.RecordsWritten);
    }

    [Fact]
    public void WriteAudio_GoingBack_IsAProgrammingError()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);
        writer.WriteAudio(100, Samples(100, 1));

        Assert.Throws<InvalidOperationException>(() => writer.WriteAudio(150, Samples(10, 1)));
    }

    [Fact]
    public void WriteAudio_NotAWholeNumberOfFrames_IsRefused()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 2, 8000, Ring);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteAudio(0, new short[3]));
    }

    [Fact]
    public void WriteMarker_GoingBack_IsAProgrammingError()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);
        writer.WriteMarker(100, MarkerKind.Start, null);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteMarker(99, MarkerKind.Pause, null));
    }

    [Fact]
    public void WriteMarker_CauseTooLong_IsRefused()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteMarker(0, MarkerKind.Start, new string('x', 257)));
    }

    [Fact]
    public void WriteMarker_EmptyCause_ReadsBackEmptyNotNull()
    {
        using var dir = new TempDirectory();
        using (var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring))
        {
            writer.WriteMarker(0, MarkerKind.Start, string.Empty);
            writer.WriteMarker(0, MarkerKind.Stop, "über");
        }

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.Equal([string.Empty, "über"], contents.Markers.Select(m => m.Cause));
    }

    [Fact]
    public void Create_ExistingFile_IsNeverReplaced()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(), "an earlier recording");

        Assert.Throws<IOException>(() => RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring));
        Assert.Equal("an earlier recording", File.ReadAllText(dir.File()));
    }

    [Fact]
    public void Complete_ThenWrite_IsRefused()
    {
        using var dir = new TempDirectory();
        var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);
        writer.Complete(0);

        Assert.Throws<ObjectDisposedException>(() => writer.WriteAudio(0, Samples(10, 1)));
    }

    [Fact]
    public void Create_FileHoldsNoPlaintextAudio()
    {
        using var dir = new TempDirectory();
        var loud = Enumerable.Repeat((short)0x4142, 4000).ToArray();
        using (var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring))
        {
            writer.WriteAudio(0, loud);
            writer.Complete(4000);
        }

        var bytes = File.ReadAllBytes(dir.File());

        Assert.Equal(-1, bytes.AsSpan().IndexOf("BABABABA"u8));
    }

    [Fact]
    public void WriteAudio_SteadyState_AllocatesNothing()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 2, 8000, Ring);
        var frames = Samples(320, 1);
        writer.WriteAudio(0, frames);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 100; i++)
        {
            writer.WriteAudio(i * 160, frames);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
