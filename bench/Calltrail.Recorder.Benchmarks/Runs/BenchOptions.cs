using Calltrail.Service.Benchmarks;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>The run as the command line asked for it.</summary>
public sealed record BenchOptions(
    int[] Calls,
    TimeSpan Measured,
    TimeSpan Warmup,
    int Senders,
    IReadOnlyList<Configuration> Configurations,
    IReadOnlyDictionary<string, string> ServerEnvironment,
    string? ServerDll,
    string? Work)
{
    public static BenchOptions From(Args args) => new(
        args.Ints("calls", [100, 500, 1000]),
        TimeSpan.FromSeconds(args.Int("seconds", 30)),
        TimeSpan.FromSeconds(args.Int("warmup", 5)),
        args.Int("senders", 1),
        [.. args.Text("configs", "default").Split(',').Select(Configuration.Named)],
        args.ServerEnvironment(),
        args.Text("server"),
        args.Text("work"));
}
