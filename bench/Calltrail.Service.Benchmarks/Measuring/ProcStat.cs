using System.Globalization;

namespace Calltrail.Service.Benchmarks.Measuring;

/// <summary>
/// CPU time and memory of processes, read from /proc: no profiler or dotnet-counters is needed, and it
/// sees any process (the server, PostgreSQL's backends, the harness itself).
/// </summary>
public static class ProcStat
{
    /// <summary>Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux x86-64).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds used by <paramref name="pid"/> (and, if asked, by its children that have exited).</summary>
    public static double CpuSeconds(int pid, bool withExitedChildren = false)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return 0;
        }

        // Fields after "(comm)": [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.
        var ticks = Long(fields[11]) + Long(fields[12]) + (withExitedChildren ? Long(fields[13]) + Long(fields[14]) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of a process tree one level deep: the parent (with the children it already reaped)
    /// plus its live children. This is how PostgreSQL's postmaster and its backends are counted.
    /// </summary>
    public static double TreeCpuSeconds(int parent) =>
        CpuSeconds(parent, withExitedChildren: true) + ChildrenOf(parent).Sum(child => CpuSeconds(child));

    /// <summary>Bytes the process caused to be written to storage (<c>write_bytes</c> of /proc/PID/io): WAL, database files, logs.</summary>
    public static long WriteBytes(int pid)
    {
        var path = $"/proc/{pid}/io";
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
            return line is null ? 0 : Long(line["write_bytes:".Length..].Trim());
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Bytes written to storage by a parent and its live children (PostgreSQL's backends, WAL writer, checkpointer).</summary>
    public static long TreeWriteBytes(int parent) => WriteBytes(parent) + ChildrenOf(parent).Sum(WriteBytes);

    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public static double PeakRssMiB(int pid)
    {
        var path = $"/proc/{pid}/status";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : Long(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim()) / 1024.0;
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } fields && Long(fields[1]) == parent)
            {
                yield return pid;
            }
        }
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses; everything after the last ')' is fixed.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process exited meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Long(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
