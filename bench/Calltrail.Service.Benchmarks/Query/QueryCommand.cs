using System.Diagnostics;
using System.Text.Json;
using Calltrail.Service.Benchmarks.Hosting;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Service.Benchmarks.Query;

/// <summary>
/// <c>query</c>: loads (or reuses) a database of many calls, starts the real server on it and times each common
/// question of both logs over HTTP, one request at a time (the latency of a person's page view, not a load test).
/// </summary>
internal static class QueryCommand
{
    private const string AdminToken = "calltrail-service-benchmark-admin-token-0123456789";
    private static readonly string[] Logs = ["contact-center", "field-service"];

    public static async Task<int> RunAsync(Args options)
    {
        var provider = options.Choice("provider", Target.Sqlite, Target.PostgreSql);
        var path = Path.GetFullPath(options.Required("db"));
        var calls = options.Int("calls", 1_000_000);
        var runs = options.Int("runs", 200);
        var warmupRuns = options.Int("warmup-runs", 20);
        var connectionString = options.Text("connection-string");
        Console.WriteLine($"query: provider {provider}, database {path}, {calls:N0} calls, {runs} timed runs per question after {warmupRuns} untimed");

        Directory.CreateDirectory(path);
        // A private cluster's files stay in PATH/postgres, so the loaded database is reused by the next run.
        using var cluster = provider == Target.PostgreSql && connectionString is null ? PostgresCluster.Start(Path.Combine(path, "postgres"), keep: true) : null;
        var target = provider == Target.Sqlite
            ? new Target(provider, path, null, null)
            : new Target(provider, path, await PostgresCluster.EnsureDatabaseAsync(cluster?.ConnectionString() ?? connectionString!, "calltrail"), cluster);
        await Loader.EnsureLoadedAsync(target, calls);
        Console.WriteLine($"database on disk: {DiskMiB(provider == Target.Sqlite ? path : Path.Combine(path, "postgres")):N0} MiB");

        using var server = await ServerProcess.StartAsync(target.ServerEnvironment(AdminToken, options.ServerEnvironment()), Path.Combine(path, "server.log"), options.Text("server"));
        using var client = server.Client(AdminToken, 1);
        var cursors = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var log in Logs)
        {
            cursors[log] = await CursorsAsync(client, log);
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var log in Logs)
        {
            foreach (var question in QueryCatalog.Build(cursors, log))
            {
                var (latency, entries) = await TimeAsync(client, log, question, warmupRuns, runs);
                rows.Add([question.Name, log, Markdown.Ms(latency.P50), Markdown.Ms(latency.P95), Markdown.Ms(latency.P99), Markdown.Ms(latency.Max), Markdown.N(entries, 1)]);
                Console.WriteLine($"{log} {question.Name}: p50 {Markdown.Ms(latency.P50)} ms, p95 {Markdown.Ms(latency.P95)} ms, p99 {Markdown.Ms(latency.P99)} ms, {entries:N1} entries/page");
            }
        }

        Console.WriteLine();
        Console.WriteLine(Markdown.Table(["query (limit 50)", "log", "p50 ms", "p95 ms", "p99 ms", "max ms", "entries/page"], rows));
        return 0;
    }

    /// <summary>Times <paramref name="runs"/> requests, each after the previous one answered; the body is read whole inside the timing.</summary>
    private static async Task<(Percentiles Latency, double Entries)> TimeAsync(HttpClient client, string log, QueryCatalog.Question question, int warmupRuns, int runs)
    {
        var ticks = new List<long>(runs);
        var entries = 0L;
        for (var r = 0; r < warmupRuns + runs; r++)
        {
            var url = new Uri($"/api/calls/{log}?{question.Query(r)}", UriKind.Relative);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }

            if (r >= warmupRuns)
            {
                ticks.Add(elapsed);
                using var page = JsonDocument.Parse(body);
                entries += page.RootElement.GetProperty("calls").GetArrayLength();
            }
        }

        return (new Percentiles(ticks), entries / (double)runs);
    }

    /// <summary>The cursors of the newest pages 2 and 10 (fetched untimed; the stored calls do not change meanwhile).</summary>
    private static async Task<(string Page2, string Page10)> CursorsAsync(HttpClient client, string log)
    {
        var next = new List<string>();
        string? cursor = null;
        for (var page = 1; page < 10; page++)
        {
            var url = new Uri($"/api/calls/{log}" + (cursor is null ? "" : $"?cursor={cursor}"), UriKind.Relative);
            using var document = JsonDocument.Parse(await client.GetStringAsync(url));
            cursor = document.RootElement.GetProperty("next").GetString() ?? throw new InvalidOperationException($"{log} has fewer than 10 pages");
            next.Add(cursor);
        }

        return (next[0], next[8]);
    }

    private static double DiskMiB(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / (double)(1 << 20);
}
