using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Benchmarks.Media;

/// <summary>
/// 20 ms of a µ-law tone that repeats exactly every packet (the frequency divides 8000/160), started
/// off its zero crossing so that no sample decodes to 0: every frame a packet carries is non-silent in
/// the recording, and every silent frame is one that never arrived.
/// </summary>
public static class Tone
{
    public const int FramesPerPacket = 160;

    /// <summary>The caller's stream: 1000 Hz (8 samples a period), a quarter sample off zero.</summary>
    public static byte[] Caller { get; } = Encode(1000);

    /// <summary>The agent's stream: 500 Hz (16 samples a period).</summary>
    public static byte[] Agent { get; } = Encode(500);

    private static byte[] Encode(int hz)
    {
        var pcm = new short[FramesPerPacket];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * (i + 0.25) / G711.SampleRate));
        }

        var codes = new byte[FramesPerPacket];
        G711.Encode(pcm, codes, G711Law.MuLaw);
        if (codes.Any(c => G711.DecodeMuLaw(c) == 0))
        {
            throw new InvalidOperationException($"the {hz} Hz tone has a sample that decodes to silence");
        }

        return codes;
    }
}
