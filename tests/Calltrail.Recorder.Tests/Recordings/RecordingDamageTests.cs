using Calltrail.Recorder.Recordings;
using CsCheck;
using static Calltrail.Recorder.Tests.Recordings.SampleRecording;

namespace Calltrail.Recorder.Tests.Recordings;

/// <summary>Crashes (a file cut anywhere) and tampering (any byte changed): the reader keeps the valid prefix and says why it stopped.</summary>
public class RecordingDamageTests
{
    private const int HeaderSize = 256;
    private static readonly RecordingKeyRing Ring = TestKeys.Ring("k1");

    [Fact]
    public void Open_FileCutAtEveryByteAfterTheHeader_GivesTheWholeRecordsBeforeTheCut()
    {
        using var dir = new TempDirectory();
        var expected = WriteSample(dir.File(), Ring);
        var full = File.ReadAllBytes(dir.File());
        using var complete = OpenOrFail(dir.File(), Ring);
        var recordEnds = complete.Records.Select(r => r.PayloadOffset + r.PayloadLength + 16).ToArray();

        for (var cut = HeaderSize; cut < full.Length; cut++)
        {
            File.WriteAllBytes(dir.File("cut"), full[..cut]);

            using var contents = OpenOrFail(dir.File("cut"), Ring);

            var whole = recordEnds.Count(end => end <= cut);
            Assert.Equal(whole, contents.Records.Count);
            Assert.Equal(recordEnds.Contains(cut) || cut == HeaderSize ? RecordingTail.Clean : RecordingTail.Torn, contents.Tail);
            Assert.Equal(whole == 0 ? HeaderSize : recordEnds[whole - 1], contents.ValidLength);
            Assert.False(contents.Complete);
            Assert.Equal(expected.Wav(contents.EndFrame), ReadAll(contents.OpenWav()));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(255)]
    public void Open_FileCutInsideTheHeader_IsNotARecording(int cut)
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        File.WriteAllBytes(dir.File("cut"), File.ReadAllBytes(dir.File())[..cut]);

        var result = RecordingReader.Open(dir.File("cut"), Ring);

        Assert.Null(result.Contents);
        Assert.Equal(RecordingOpenError.NotARecording, result.Error);
    }

    [Fact]
    public void Open_AnyByteOfARecordChanged_EndsTheValidPrefixBeforeThatRecord()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        var full = File.ReadAllBytes(dir.File());
        using var original = OpenOrFail(dir.File(), Ring);
        var target = original.Records[2];
        var start = target.PayloadOffset - 24;
        var end = target.PayloadOffset + target.PayloadLength + 16;

        for (var at = start; at < end; at++)
        {
            var tampered = (byte[])full.Clone();
            tampered[at] ^= 0x01;
            File.WriteAllBytes(dir.File("t"), tampered);

            using var contents = OpenOrFail(dir.File("t"), Ring);

            Assert.Equal(2, contents.Records.Count);
            Assert.Equal(RecordingTail.Damaged, contents.Tail);
            Assert.Equal(start, contents.ValidLength);
            Assert.NotEmpty(contents.TailDetail);
        }
    }

    [Fact]
    public void Open_RandomCorruptionAnywhere_NeverThrows()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        var full = File.ReadAllBytes(dir.File());
        var file = 0;

        Gen.Int[0, full.Length - 1].Array[1, 6].Select(Gen.Byte).Sample((positions, value) =>
        {
            var tampered = (byte[])full.Clone();
            foreach (var p in positions)
            {
                tampered[p] = value;
            }

            var path = dir.File($"r{Interlocked.Increment(ref file)}");
            File.WriteAllBytes(path, tampered);
            var result = RecordingReader.Open(path, Ring);
            using var contents = result.Contents;
            if (contents is not null)
            {
                Assert.Equal(contents.WavLength, ReadAll(contents.OpenWav()).Length);
            }
        }, iter: 300);
    }

    [Theory]
    [InlineData(9)]   // format version
    [InlineData(10)]  // channels
    [InlineData(12)]  // sample rate
    [InlineData(20)]  // recording id
    [InlineData(38)]  // key id
    [InlineData(80)]  // wrapped data key
    [InlineData(120)] // tag
    public void Open_HeaderByteChanged_DoesNotOpen(int at)
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        var bytes = File.ReadAllBytes(dir.File());
        bytes[at] ^= 0x01;
        File.WriteAllBytes(dir.File(), bytes);

        var result = RecordingReader.Open(dir.File(), Ring);

        Assert.Null(result.Contents);
        Assert.NotEqual(RecordingOpenError.None, result.Error);
    }

    [Fact]
    public void Open_RecordsSwappedBetweenTwoFiles_FailAuthentication()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File("a"), Ring);
        WriteSample(dir.File("b"), Ring);
        var a = File.ReadAllBytes(dir.File("a"));
        var b = File.ReadAllBytes(dir.File("b"));

        File.WriteAllBytes(dir.File("mix"), [.. a[..HeaderSize], .. b[HeaderSize..]]);
        using var contents = OpenOrFail(dir.File("mix"), Ring);

        Assert.Empty(contents.Records);
        Assert.Equal(RecordingTail.Damaged, contents.Tail);
    }

    [Fact]
    public void Open_BytesAfterTheEndMarker_AreReportedAndIgnored()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        var length = new FileInfo(dir.File()).Length;
        File.AppendAllText(dir.File(), "appended later");

        using var contents = OpenOrFail(dir.File(), Ring);

        Assert.True(contents.Complete);
        Assert.Equal(RecordingTail.Damaged, contents.Tail);
        Assert.Equal(length, contents.ValidLength);
    }

    [Fact]
    public void Open_WithoutVerifyingAudio_KeepsTheRecordButTheWavRefusesIt()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), Ring);
        using (var original = OpenOrFail(dir.File(), Ring))
        {
            var bytes = File.ReadAllBytes(dir.File());
            bytes[original.Records.Where(r => r.Kind == RecordKind.Audio).ElementAt(1).PayloadOffset + 5] ^= 0x80;
            File.WriteAllBytes(dir.File(), bytes);
        }

        using var lazy = OpenOrFail(dir.File(), Ring, verifyAudio: false);
        using var wav = lazy.OpenWav();

        Assert.Equal(RecordingTail.Clean, lazy.Tail);
        wav.Position = 44 + 10; // first record is fine
        Assert.Equal(100, wav.Read(new byte[100], 0, 100));
        Assert.Throws<InvalidDataException>(() => ReadAll(wav));
    }

    [Fact]
    public void Open_MissingFile_IsNotFound() =>
        Assert.Equal(RecordingOpenError.NotFound, RecordingReader.Open("/nonexistent/dir/x.ctrec", Ring).Error);

    [Fact]
    public void Open_NotARecording_SaysSo()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File(), new byte[1000]);

        Assert.Equal(RecordingOpenError.NotARecording, RecordingReader.Open(dir.File(), Ring).Error);
    }
}
