using System.Runtime.InteropServices;

namespace Calltrail.Service.Benchmarks.Measuring;

/// <summary>The machine a run was measured on, printed first so that every figure carries it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = Line("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = Line("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim() ?? "unknown";
        var os = Line("/etc/os-release", "PRETTY_NAME=")?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";
        return $"machine: CPU {cpu}, {Environment.ProcessorCount} logical cores, memory {memory}, {os} (kernel {kernel}), " +
               $"{RuntimeInformation.FrameworkDescription}";
    }

    private static string? Line(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}
