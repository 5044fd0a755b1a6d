using Calltrail.TestKit.Audio;
using System.Security.Cryptography;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Recordings;
using CsCheck;
using static Calltrail.Recorder.Tests.Recordings.SampleRecording;

namespace Calltrail.Recorder.Tests.Recordings;

public class RecordingRoundTripTests
{
    private static readonly RecordingKeyRing Ring = TestKeys.Ring("k1");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void OpenWav_CompletedFile_IsTheAudioWithSilenceInTheGaps(int channels)
    {
        using var dir = new TempDirectory();
        var expected = WriteSample(dir.File(), Ring, channels: channels);

        using var contents = OpenOrFail(dir.File(), Ring);
        using var wav = contents.OpenWav();

        Assert.Equal(expected.Wav(2400), ReadAll(wav));
        Assert.Equal(contents.WavLength, wav.Length);
    }

    [Fact]
    public void Open_CompletedFile_GivesHeaderMarkersAndPausedSpans()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.Equal(Id, contents.RecordingId);
        Assert.Equal((1, 8000, "k1"), (contents.Channels, contents.SampleRate, contents.KeyId));
        Assert.True(contents.Complete);
        Assert.Equal(2400, contents.EndFrame);
        Assert.Equal(RecordingTail.Clean, contents.Tail);
        Assert.Equal(contents.FileLength, contents.ValidLength);
        Assert.Equal(
            [(MarkerKind.Start, 0L, "connected"), (MarkerKind.Pause, 800L, "payment screen"), (MarkerKind.Resume, 1600L, null), (MarkerKind.End, 2400L, null)],
            contents.Markers.Select(m => (m.Kind, m.AtFrame, m.Cause)));
        Assert.Equal([new FrameSpan(800, 1600)], contents.PausedSpans);
        Assert.Equal(Enumerable.Range(0, contents.Records.Count).Select(i => (uint)i), contents.Records.Select(r => r.Index));
    }

    [Fact]
    public void Open_WriterDisposedWithoutComplete_IsIncompleteAndEndsAtTheLastAudio()
    {
        using var dir = new TempDirectory();
        var expected = WriteSample(dir.File(), Ring, complete: false);

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.False(contents.Complete);
        Assert.Equal(2000, contents.EndFrame);
        Assert.Equal(RecordingTail.Clean, contents.Tail);
        Assert.Equal(expected.Wav(2000), ReadAll(contents.OpenWav()));
    }

    [Fact]
    public void Open_UnclosedPause_RunsToTheEnd()
    {
        using var dir = new TempDirectory();
        using (var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring))
        {
            writer.WriteAudio(0, Samples(100, 1));
            writer.WriteMarker(100, MarkerKind.Pause, "manual");
            writer.Complete(500);
        }

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.Equal([new FrameSpan(100, 500)], contents.PausedSpans);
    }

    [Fact]
    public void Open_WhileTheWriterIsOpenAfterFlush_SeesEverythingHandedToTheOs()
    {
        using var dir = new TempDirectory();
        using var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring);
        var expected = new ExpectedAudio(1);
        Write(writer, expected, 0, Samples(800, 1));
        writer.WriteMarker(800, MarkerKind.Pause, null);

        writer.Flush();
        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.False(contents.Complete);
        Assert.Equal(800, contents.EndFrame);
        Assert.Single(contents.Markers);
        Assert.Equal(expected.Wav(800), ReadAll(contents.OpenWav()));
    }

    [Fact]
    public void WriteAudio_LongerThanOneRecord_IsSplitAndReadsBackWhole()
    {
        using var dir = new TempDirectory();
        var expected = new ExpectedAudio(2);
        using (var writer = RecordingWriter.Create(dir.File(), Id, 2, 8000, Ring))
        {
            Write(writer, expected, 10, Samples(2 * 20_000, 5));
            writer.Complete(20_010);
        }

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.Equal([8000, 8000, 4000], contents.Records.Where(r => r.Kind == RecordKind.Audio).Select(r => r.FrameCount));
        Assert.Equal(expected.Wav(20_010), ReadAll(contents.OpenWav()));
    }

    [Fact]
    public void OpenWav_ReadsAtAnyOffsetAndLength_MatchTheWholeFile()
    {
        using var dir = new TempDirectory();
        var whole = WriteSample(dir.File(), Ring, channels: 2).Wav(2400);
        using var contents = OpenOrFail(dir.File(), Ring);
        using var wav = contents.OpenWav();

        Gen.Int[0, whole.Length + 10].Select(Gen.Int[0, 3000]).Sample((offset, count) =>
        {
            var buffer = new byte[count];
            wav.Seek(offset, SeekOrigin.Begin);

            var read = wav.Read(buffer, 0, count);

            var expected = whole.AsSpan(Math.Min(offset, whole.Length), Math.Clamp(whole.Length - offset, 0, count));
            Assert.Equal(expected.ToArray(), buffer.AsSpan(0, read).ToArray());
            Assert.Equal(offset + read, wav.Position);
        }, threads: 1); // one stream, like one HTTP response: reads come one at a time
    }

    [Fact]
    public void OpenWav_SeekFromEveryOrigin_LandsExactly()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        using var contents = OpenOrFail(dir.File(), Ring);
        using var wav = contents.OpenWav();

        Assert.True(wav.CanSeek && wav.CanRead && !wav.CanWrite);
        Assert.Equal(44 + (2400 * 2), wav.Length);
        Assert.Equal(wav.Length - 10, wav.Seek(-10, SeekOrigin.End));
        Assert.Equal(wav.Length - 4, wav.Seek(6, SeekOrigin.Current));
        Assert.Equal(4, wav.Read(new byte[100], 0, 100));
        Assert.Equal(0, wav.Read(new byte[100], 0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => wav.Seek(-1, SeekOrigin.Begin));
    }

    [Fact]
    public void OpenWav_AfterDispose_IsRefusedButOpenStreamsKeepWorking()
    {
        using var dir = new TempDirectory();
        var expected = WriteSample(dir.File(), Ring);
        var contents = OpenOrFail(dir.File(), Ring);
        using var wav = contents.OpenWav();

        contents.Dispose();

        Assert.Throws<ObjectDisposedException>(() => contents.OpenWav());
        Assert.Equal(expected.Wav(2400), ReadAll(wav));
    }

    [Fact]
    public void ComputeSha256_IsTheHashOfTheServedWavAndStable()
    {
        using var dir = new TempDirectory();
        var expected = WriteSample(dir.File(), Ring);
        using var first = OpenOrFail(dir.File(), Ring);
        using var second = OpenOrFail(dir.File(), Ring);

        Assert.Equal(SHA256.HashData(expected.Wav(2400)), first.ComputeSha256());
        Assert.Equal(first.ComputeSha256(), second.ComputeSha256());
    }

    [Fact]
    public void ComputeSha256_SameAudioInAnotherFile_IsTheSameDespiteDifferentCiphertext()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File("a"), Ring);
        WriteSample(dir.File("b"), Ring);
        using var a = OpenOrFail(dir.File("a"), Ring);
        using var b = OpenOrFail(dir.File("b"), Ring);

        Assert.NotEqual(File.ReadAllBytes(dir.File("a")), File.ReadAllBytes(dir.File("b")));
        Assert.Equal(a.ComputeSha256(), b.ComputeSha256());
    }

    [Fact]
    public void FrameWindowFlushedIntoTheWriter_ReadsBackAsTheWindowSawIt()
    {
        using var dir = new TempDirectory();
        var window = new FrameWindow(2, 800);
        using (var writer = RecordingWriter.Create(dir.File(), Id, 2, 8000, Ring))
        {
            window.Write(0, 0, Samples(160, 1));
            window.Write(1, 80, Samples(160, 2));
            window.Flush(400, writer);
            window.Write(0, 600, Samples(160, 3));
            window.Flush(1000, writer);
            writer.Complete(1000);
        }

        using var contents = OpenOrFail(dir.File(), Ring);
        var pcm = Pcm(ReadAll(contents.OpenWav()));

        Assert.Equal(Samples(160, 1)[5], pcm[5 * 2]);
        Assert.Equal(Samples(160, 2)[0], pcm[(80 * 2) + 1]);
        Assert.Equal(0, pcm[(400 * 2) + 0]);
        Assert.Equal(Samples(160, 3)[159], pcm[759 * 2]);
        Assert.Equal([(0L, 240), (600L, 160)], contents.Records.Where(r => r.Kind == RecordKind.Audio).Select(r => (r.StartFrame, r.FrameCount)));
    }

    [Fact]
    public void ToneThroughG711TheWriterAndTheWav_KeepsItsEnergyAt1kHz()
    {
        using var dir = new TempDirectory();
        var tone = ToneDetector.Sine(1000, 8000, 8000);
        var codes = new byte[tone.Length];
        var decoded = new short[tone.Length];
        G711.Encode(tone, codes, G711Law.MuLaw);
        G711.Decode(codes, decoded, G711Law.MuLaw);
        using (var writer = RecordingWriter.Create(dir.File(), Id, 1, 8000, Ring))
        {
            writer.WriteAudio(0, decoded);
            writer.Complete(8000);
        }

        using var contents = OpenOrFail(dir.File(), Ring);
        var wav = ReadAll(contents.OpenWav());
        Assert.True(WavHeader.TryParse(wav, out var format));
        var pcm = Pcm(wav);

        Assert.Equal(new WavFormat(1, 8000, 16, 16000), format);
        var at1k = ToneDetector.Power(pcm, 1000, 8000);
        Assert.InRange(at1k, 0.05, 0.07);
        foreach (var other in new[] { 300.0, 700, 1300, 2000, 3400 })
        {
            Assert.True(ToneDetector.Power(pcm, other, 8000) < at1k / 1000, $"{other} Hz");
        }
    }

    private static short[] Pcm(byte[] wav) =>
        [.. Enumerable.Range(0, (wav.Length - WavHeader.Size) / 2).Select(i => BitConverter.ToInt16(wav, WavHeader.Size + (2 * i)))];
}
