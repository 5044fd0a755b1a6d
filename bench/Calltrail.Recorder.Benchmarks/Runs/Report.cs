using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>One run: a configuration and a number of calls, the recorder and the floor over the same traffic.</summary>
public sealed record RunResult(Configuration Configuration, int Calls, RecorderFigures Recorder, FloorFigures Floor)
{
    public double Ratio => Recorder.Traffic.Cpu.Target / Floor.Traffic.Cpu.Target;

    /// <summary>The issue's target: zero loss on less than half a core, within 2× of the floor (judged at 1,000 calls).</summary>
    public bool MeetsTarget => Recorder.Missing == 0 && Recorder.Traffic.Cpu.Target < 0.5 && Ratio <= 2;
}

/// <summary>The tables printed at the end (markdown, as docs/performance.md shows them).</summary>
public static class Report
{
    public static string Figures(IReadOnlyList<RunResult> runs) => Markdown.Table(
        ["config", "calls", "packets/s", "sent", "missing", "loss", "kernel drops", "recorder CPU", "CPU per call", "RSS MiB (peak)", "floor CPU", "ratio"],
        runs.Select(r => (IReadOnlyList<string>)
        [
            r.Configuration.Name,
            Markdown.N(r.Calls),
            Markdown.N(r.Recorder.Traffic.PacketsPerSecond),
            Markdown.N(r.Recorder.Traffic.Sent),
            Markdown.N(r.Recorder.Missing, r.Recorder.Missing % 1 == 0 ? 0 : 1),
            $"{Markdown.N(100 * r.Recorder.Missing / r.Recorder.Traffic.Sent, 3)}%",
            Markdown.N(r.Recorder.Traffic.Kernel.InErrors),
            Percent(r.Recorder.Traffic.Cpu.Target),
            $"{Markdown.N(r.Recorder.Traffic.Cpu.Target * 1e6 / r.Calls)} µs/s",
            $"{Markdown.N(r.Recorder.Traffic.Memory.RssMiB)} ({Markdown.N(r.Recorder.Traffic.Memory.PeakMiB)})",
            Percent(r.Floor.Traffic.Cpu.Target),
            $"{Markdown.N(r.Ratio, 2)}×",
        ]));

    public static string Context(IReadOnlyList<RunResult> runs) => Markdown.Table(
        ["config", "calls", "setup", "sessions, no audio", "harness CPU", "machine busy", "calls with loss", "floor lost", "floor kernel drops", "unfinished recordings", "server warnings"],
        runs.Select(r => (IReadOnlyList<string>)
        [
            r.Configuration.Name,
            Markdown.N(r.Calls),
            $"{Markdown.N(r.Recorder.Setup.TotalSeconds, 1)} s",
            Percent(r.Recorder.SessionsIdle.Target),
            $"{Percent(r.Recorder.Traffic.Cpu.Harness)} / {Percent(r.Floor.Traffic.Cpu.Harness)}",
            $"{Percent(r.Recorder.Traffic.Cpu.Machine)} / {Percent(r.Floor.Traffic.Cpu.Machine)}",
            Markdown.N(r.Recorder.CallsWithLoss),
            Markdown.N(r.Floor.Traffic.Sent - r.Floor.Received),
            Markdown.N(r.Floor.Traffic.Kernel.InErrors),
            Markdown.N(r.Recorder.Unfinished),
            Markdown.N(r.Recorder.LogProblems.Count),
        ]));

    public static string Verdict(RunResult run) =>
        $"{run.Configuration.Name}, {run.Calls} calls: {(run.MeetsTarget ? "target met" : "target NOT met")} " +
        $"(missing {Markdown.N(run.Recorder.Missing, 1)} packets, recorder {Percent(run.Recorder.Traffic.Cpu.Target)} of a core (target < 50%), " +
        $"{Markdown.N(run.Ratio, 2)}× the floor (target ≤ 2×))";

    /// <summary>Where in the streams audio went missing mid-stream: packets (all calls) by second from each stream's first kept frame.</summary>
    public static string Gaps(RunResult run)
    {
        var lost = run.Recorder.GapsBySecond.Select((frames, second) => (second, packets: frames / 160.0)).Where(g => g.packets > 0).ToList();
        var edges = run.Recorder.Missing - lost.Sum(g => g.packets);
        return lost.Count == 0 && edges <= 0
            ? "  no audio missing"
            : $"  missing mid-stream by second: {string.Join(", ", lost.Select(g => $"{g.second}s {Markdown.N(g.packets)}"))}; at the streams' edges: {Markdown.N(edges)}";
    }

    private static string Percent(double cores) => $"{Markdown.N(100 * cores, 1)}%";
}
