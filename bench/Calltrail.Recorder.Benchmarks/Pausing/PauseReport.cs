using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks.Pausing;

/// <summary>The pause benchmark's tables (markdown, as docs/performance.md shows them); every latency as p50 / p99 / max in ms.</summary>
public static class PauseReport
{
    public const double TargetP99Ms = 100;

    public static string Latency(IReadOnlyList<PauseFigures> runs) => Markdown.Table(
        ["setup", "run", "pauses", "failed", "applied − commit", "applied − 200", "applied − POST sent", "machine busy", "load before → after"],
        runs.Select(r => (IReadOnlyList<string>)
        [
            Name(r.Setup),
            Markdown.N(r.Run),
            Markdown.N(r.Samples.Count),
            Markdown.N(r.Failures.Count),
            Spread(r.Samples.Select(s => s.AppliedAfterCommit)),
            Spread(r.Samples.Select(s => (double?)s.AppliedAfterAnswer)),
            Spread(r.Samples.Select(s => (double?)s.AppliedAfterSend)),
            $"{Markdown.N(100 * r.Cpu.Machine)}% of a core",
            $"{r.LoadBefore} → {r.LoadAfter}",
        ]));

    public static string Parts(IReadOnlyList<PauseFigures> runs) => Markdown.Table(
        ["setup", "run", "NOTIFY heard − commit", "applied − NOTIFY heard", "POST round trip", "recorder's lateMs", "redacted", "recording server CPU", "server warnings"],
        runs.Select(r => (IReadOnlyList<string>)
        [
            Name(r.Setup),
            Markdown.N(r.Run),
            Spread(r.Samples.Select(s => s.NoticedAfterCommit)),
            Spread(r.Samples.Select(s => s.AppliedAfterNotice)),
            Spread(r.Samples.Select(s => (double?)s.RoundTrip)),
            Spread(r.Samples.Select(s => (double?)s.LateMs)),
            $"{Markdown.N(r.Samples.Count(s => s.Redacted == true))} of {Markdown.N(r.Samples.Count(s => s.Redacted is not null))}",
            $"{Markdown.N(100 * r.Cpu.Target)}%",
            Markdown.N(r.LogProblems.Count),
        ]));

    /// <summary>Whether the cross-server p99 of applied − commit (or, on SQLite, applied − 200) is under the target, per run.</summary>
    public static IEnumerable<string> Verdicts(IReadOnlyList<PauseFigures> runs)
    {
        foreach (var r in runs)
        {
            var commit = r.Samples.Select(s => s.AppliedAfterCommit).OfType<double>().ToList();
            var (figure, what) = commit.Count > 0 ? (commit, "applied − commit") : (r.Samples.Select(s => s.AppliedAfterAnswer).ToList(), "applied − 200");
            if (figure.Count == 0)
            {
                yield return $"{Name(r.Setup)} run {r.Run}: nothing measured";
                continue;
            }

            var p99 = Percentile(figure, 0.99);
            yield return $"{Name(r.Setup)} run {r.Run}: p99 {what} {Markdown.Ms(p99)} ms over {figure.Count} pauses — " +
                (p99 < TargetP99Ms ? $"under the {TargetP99Ms} ms target" : $"NOT under the {TargetP99Ms} ms target");
        }
    }

    public static string Name(PauseSetup setup) => setup switch
    {
        PauseSetup.Sqlite => "one server, SQLite",
        PauseSetup.Postgres => "one server, PostgreSQL",
        _ => "two servers, PostgreSQL",
    };

    private static string Spread(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? "—"
            : $"{Markdown.Ms(Percentile(known, 0.5))} / {Markdown.Ms(Percentile(known, 0.99))} / {Markdown.Ms(known.Max())}";
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
