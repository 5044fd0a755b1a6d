namespace Calltrail.TestKit.Audio;

/// <summary>
/// The Goertzel algorithm: the power of one frequency in a block of samples, without a whole FFT.
/// Used to check that audio survives the recording path as the tone that went in.
/// </summary>
public static class ToneDetector
{
    /// <summary>Power at <paramref name="frequency"/>, normalised so a full-scale sine gives about 0.25.</summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = (sample / 32768.0) + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        var n = Math.Max(samples.Length, 1);
        return power / ((double)n * n);
    }

    /// <summary>A sine of the given amplitude (0–1 of full scale), <paramref name="count"/> samples long.</summary>
    public static short[] Sine(double frequency, int sampleRate, int count, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, count).Select(i => (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * frequency * i / sampleRate)))];
}
