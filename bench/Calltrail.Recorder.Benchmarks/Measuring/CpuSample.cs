using System.Diagnostics;
using System.Globalization;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks.Measuring;

/// <summary>
/// One reading of the CPU used so far by the measured process, by this harness and by the whole
/// machine (/proc/stat); two readings make a window. The machine's share tells whether something
/// else was running during the window.
/// </summary>
public readonly record struct CpuSample(long Timestamp, double TargetSeconds, double HarnessSeconds, double MachineBusySeconds)
{
    public static CpuSample Take(int pid) =>
        new(Stopwatch.GetTimestamp(), ProcStat.CpuSeconds(pid), ProcStat.CpuSeconds(Environment.ProcessId), MachineBusy());

    /// <summary>Shares of one core (1.0 = a core busy for the whole window) between two readings.</summary>
    public static CpuWindow Between(CpuSample from, CpuSample to)
    {
        var seconds = Stopwatch.GetElapsedTime(from.Timestamp, to.Timestamp).TotalSeconds;
        return new CpuWindow(seconds, (to.TargetSeconds - from.TargetSeconds) / seconds,
            (to.HarnessSeconds - from.HarnessSeconds) / seconds, (to.MachineBusySeconds - from.MachineBusySeconds) / seconds);
    }

    // The "cpu" line: user nice system idle iowait irq softirq steal …, in USER_HZ ticks; busy = all but idle and iowait.
    private static double MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Sum() - fields[3] - fields[4]) / 100.0;
    }
}

/// <summary>A measured window: its length and the cores used in it by the target, the harness and the machine in all.</summary>
public readonly record struct CpuWindow(double Seconds, double Target, double Harness, double Machine);
