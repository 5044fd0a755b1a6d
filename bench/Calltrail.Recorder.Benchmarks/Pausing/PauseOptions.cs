using Calltrail.Service.Benchmarks;

namespace Calltrail.Recorder.Benchmarks.Pausing;

/// <summary>The pause benchmark as the command line asked for it.</summary>
public sealed record PauseOptions(
    IReadOnlyList<PauseSetup> Setups, int Pauses, int WarmupPauses, int Concurrency, int TalkMs, int Runs,
    IReadOnlyDictionary<string, string> ServerEnvironment, string? ServerDll, string? Work)
{
    public static PauseOptions From(Args args) => new(
        [.. args.Text("setups", "sqlite,postgres,two-servers").Split(',').Select(Setup)],
        args.Int("pauses", 300),
        args.Int("warmup", 20),
        args.Int("concurrency", 4),
        args.Int("talk-ms", 300),
        args.Int("runs", 2),
        args.ServerEnvironment(),
        args.Text("server"),
        args.Text("work"));

    private static PauseSetup Setup(string name) => name switch
    {
        "sqlite" => PauseSetup.Sqlite,
        "postgres" => PauseSetup.Postgres,
        "two-servers" => PauseSetup.TwoServers,
        _ => throw new ArgsException($"unknown setup '{name}' (sqlite, postgres, two-servers)"),
    };
}
