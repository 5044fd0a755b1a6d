using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Tests.Recordings;

/// <summary>A private temporary directory for one test's recording files, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "calltrail-rec-" + Guid.NewGuid().ToString("N"));

    public string File(string name = "call.ctrec") => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Deterministic master keys (SHA-256 of the id, or of id + "other" for a same-named impostor).</summary>
internal static class TestKeys
{
    public static byte[] Key(string id, bool impostor = false) => SHA256.HashData(Encoding.UTF8.GetBytes(impostor ? id + "other" : id));

    public static RecordingKeyRing Ring(string active, params string[] others) =>
        new(active, others.Append(active).Distinct().Select(id => KeyValuePair.Create(id, Key(id))));
}

/// <summary>
/// What a recording should contain, built alongside the writer: the timeline as frames of samples
/// (zeros where nothing was written), so the expected WAV is easy to state.
/// </summary>
internal sealed class ExpectedAudio(int channels)
{
    private readonly List<short> _samples = [];

    public int Channels => channels;

    public void Put(long startFrame, ReadOnlySpan<short> interleaved)
    {
        var end = (int)(startFrame * channels) + interleaved.Length;
        while (_samples.Count < end)
        {
            _samples.Add(0);
        }

        for (var i = 0; i < interleaved.Length; i++)
        {
            _samples[(int)(startFrame * channels) + i] = interleaved[i];
        }
    }

    public byte[] Wav(long endFrame)
    {
        var bytes = new byte[Calltrail.Recorder.Audio.WavHeader.Size + (endFrame * channels * 2)];
        Calltrail.Recorder.Audio.WavHeader.Write(bytes, channels, endFrame * channels * 2);
        for (var i = 0; i < Math.Min(_samples.Count, endFrame * channels); i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(Calltrail.Recorder.Audio.WavHeader.Size + (2 * i)), _samples[i]);
        }

        return bytes;
    }
}

internal static class SampleRecording
{
    public static readonly Guid Id = Guid.Parse("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

    public static short[] Samples(int count, int seed) => [.. Enumerable.Range(0, count).Select(i => (short)((i * 37) + (seed * 1001)))];

    public static RecordingContents OpenOrFail(string path, RecordingKeyRing ring, bool verifyAudio = true)
    {
        var result = RecordingReader.Open(path, ring, verifyAudio);
        Assert.True(result.Contents is not null, $"{result.Error}: {result.Detail}");
        return result.Contents!;
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A whole WAV stream as one sample array per channel.</summary>
    public static short[][] Channels(Stream wav, int count)
    {
        var bytes = ReadAll(wav);
        var frames = (bytes.Length - WavHeader.Size) / 2 / count;
        var channels = Enumerable.Range(0, count).Select(_ => new short[frames]).ToArray();
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < count; c++)
            {
                channels[c][f] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(WavHeader.Size + (2 * ((f * count) + c))));
            }
        }

        return channels;
    }

    /// <summary>A mono file with audio, a gap, a paused span and markers; returns what it should read back as.</summary>
    public static ExpectedAudio WriteSample(string path, RecordingKeyRing ring, bool complete = true, int channels = 1)
    {
        var expected = new ExpectedAudio(channels);
        using var writer = RecordingWriter.Create(path, Id, channels, 8000, ring);
        writer.WriteMarker(0, MarkerKind.Start, "connected");
        Write(writer, expected, 0, Samples(160 * channels, 1));
        Write(writer, expected, 160, Samples(160 * channels, 2));
        Write(writer, expected, 480, Samples(320 * channels, 3)); // frames 320–480 never written
        writer.WriteMarker(800, MarkerKind.Pause, "payment screen");
        writer.WriteMarker(1600, MarkerKind.Resume, null);
        Write(writer, expected, 1600, Samples(400 * channels, 4));
        if (complete)
        {
            writer.Complete(2400);
        }

        return expected;
    }

    public static void Write(RecordingWriter writer, ExpectedAudio expected, long start, short[] interleaved)
    {
        writer.WriteAudio(start, interleaved);
        expected.Put(start, interleaved);
    }
}
