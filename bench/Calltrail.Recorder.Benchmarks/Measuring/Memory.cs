using System.Globalization;

namespace Calltrail.Recorder.Benchmarks.Measuring;

/// <summary>A process's resident memory now (VmRSS) and at its peak (VmHWM), in MiB, from /proc/PID/status.</summary>
public readonly record struct Memory(double RssMiB, double PeakMiB)
{
    public static Memory Of(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        double MiB(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[name.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0
            : 0;
        return new Memory(MiB("VmRSS:"), MiB("VmHWM:"));
    }
}
