using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Calltrail.Benchmarks;
using Calltrail.Service.Benchmarks.Hosting;
using Calltrail.Service.Benchmarks.Measuring;
using Calltrail.Service.Benchmarks.Workload;

namespace Calltrail.Service.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: for each shape and concurrency, a fresh database and a fresh server process, a warm-up,
/// a measured window, then SIGKILL and a check of the database against every call sent.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Distinct scenarios, played in turn under new call ids; plenty to keep any cache honest.</summary>
    private const int PoolSize = 16_384;

    private const string AdminToken = "calltrail-service-benchmark-admin-token-0123456789";

    public static async Task<int> RunAsync(Args options)
    {
        var provider = options.Choice("provider", Target.Sqlite, Target.PostgreSql);
        var seconds = options.Int("seconds", 30);
        var warmup = options.Int("warmup", 10);
        var levels = options.Ints("concurrency", [16, 64, 256]);
        var shapes = options.Choice("shape", "events", "lifecycle", "both") switch
        {
            "events" => new[] { Shape.Events },
            "lifecycle" => [Shape.Lifecycle],
            _ => [Shape.Events, Shape.Lifecycle],
        };
        var tokenKind = options.Choice("token", "admin", "telephony");
        var serverEnvironment = options.ServerEnvironment();
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"calltrail-service-bench-{Environment.ProcessId}")));
        var connectionString = options.Text("connection-string");
        var servers = options.Int("servers", 1);
        if (servers < 1 || (servers > 1 && provider != Target.PostgreSql))
        {
            throw new ArgumentException("--servers above 1 needs --provider postgresql: servers share a database only there");
        }

        Console.WriteLine($"ingest: provider {provider}, warm-up {warmup} s, measured {seconds} s, concurrency {string.Join("/", levels)}, " +
                          $"shape {string.Join("+", shapes)}, token {tokenKind}, servers {servers}, work {work}" +
                          (serverEnvironment.Count > 0 ? $", server env {string.Join(" ", serverEnvironment.Select(e => $"{e.Key}={e.Value}"))}" : ""));
        var pool = RealisticMix.Build(PoolSize);
        var logged = pool.Select(s => (Lifecycles.Play(s, "x", 0).Count, Lifecycles.Logged(s))).ToArray();

        Directory.CreateDirectory(work);
        using var cluster = provider == Target.PostgreSql && connectionString is null ? PostgresCluster.Start(Path.Combine(work, "postgres"), keep: false) : null;
        var rows = new List<IngestRow>();
        var run = 0;
        foreach (var shape in shapes)
        {
            foreach (var concurrency in levels)
            {
                run++;
                var dataDirectory = Path.Combine(work, $"run-{run}");
                var target = provider == Target.Sqlite
                    ? new Target(provider, dataDirectory, null, null)
                    : new Target(provider, dataDirectory, await PostgresCluster.EnsureDatabaseAsync(cluster?.ConnectionString() ?? connectionString!, $"calltrail_ingest_{Environment.ProcessId}_{run}"), cluster)
                    {
                        ServerConnectionOptions = options.Text("pg-server-options"),
                    };
                var row = await RunOnceAsync(target, servers, pool, logged, shape, concurrency, tokenKind, serverEnvironment, options.Text("server"), warmup, seconds, $"r{run}");
                rows.Add(row);
                Console.WriteLine(row.Line());
                // The data goes (a run writes hundreds of MB); the server's log stays in the work directory.
                for (var k = 0; k < servers; k++)
                {
                    File.Move(Path.Combine(ServerDirectory(dataDirectory, servers, k), "server.log"), Path.Combine(work, $"run-{run}-server{(servers > 1 ? $"-{k}" : "")}.log"), overwrite: true);
                }

                Directory.Delete(dataDirectory, recursive: true);
                if (provider == Target.PostgreSql)
                {
                    await DropDatabaseAsync(cluster?.ConnectionString() ?? connectionString!, $"calltrail_ingest_{Environment.ProcessId}_{run}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(IngestRow.Table(rows));
        cluster?.Dispose();
        if (options.Text("work") is null)
        {
            Directory.Delete(work, recursive: true);
        }

        return rows.All(r => r.Failures == 0 && r.Verified.StartsWith("ok", StringComparison.Ordinal)) ? 0 : 1;
    }

    private static async Task<IngestRow> RunOnceAsync(
        Target target, int serverCount, Calltrail.Calls.Scenario[] pool, (int Events, (bool ContactCenter, bool FieldService) Logs)[] logged, Shape shape, int concurrency,
        string tokenKind, IReadOnlyDictionary<string, string> serverEnvironment, string? serverDll, int warmup, int seconds, string runTag)
    {
        using (var db = target.Open())
        {
            await OrganizationSeed.SeedAsync(db, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        var machine = MachineCheck.Measure(pool, target.DataDirectory);

        // Several servers share the database but not a data directory (each has its own keys and log).
        var servers = new List<ServerProcess>();
        for (var k = 0; k < serverCount; k++)
        {
            var directory = ServerDirectory(target.DataDirectory, serverCount, k);
            Directory.CreateDirectory(directory);
            var environment = target.ServerEnvironment(AdminToken, serverEnvironment);
            environment["Calltrail__DataDirectory"] = directory;
            if (k > 0)
            {
                // One machine: each further server's recorder needs a SIP port and RTP ports of its own.
                environment["Recorder__SipPort"] = $"{5060 + k}";
                environment["Recorder__RtpPortMin"] = $"{20000 + (k * 5000)}";
                environment["Recorder__RtpPortMax"] = $"{24999 + (k * 5000)}";
            }

            try
            {
                servers.Add(await ServerProcess.StartAsync(environment, Path.Combine(directory, "server.log"), serverDll));
            }
            catch
            {
                // Those already started would hold their ports for every later run.
                foreach (var started in servers)
                {
                    started.Kill();
                    started.Dispose();
                }

                throw;
            }

            // The PID is for attaching a profiler (perf record -p PID, with --server-env DOTNET_PerfMapEnabled=1).
            Console.WriteLine($"  {shape} c={concurrency}: server pid {servers[k].Pid} at {servers[k].Address}");
        }

        var token = tokenKind == "admin" ? AdminToken : await TelephonyTokenAsync(servers[0]);
        var clients = servers.Select(s => s.Client(token, (concurrency + serverCount - 1) / serverCount)).ToArray();

        // Sampled as the window opens and closes: CPU of the servers, the database (PostgreSQL's processes) and this load
        // generator; bytes written to storage by the servers and the database (on SQLite the server writes the database).
        var samples = new List<(long At, double Server, double Database, double Harness, long Written)>();
        void Sample(bool opening) => samples.Add((Stopwatch.GetTimestamp(), servers.Sum(s => s.CpuSeconds()), target.DatabaseCpuSeconds(),
            ProcStat.CpuSeconds(Environment.ProcessId), servers.Sum(s => ProcStat.WriteBytes(s.Pid)) + target.DatabaseWriteBytes()));

        var result = await new LoadGenerator(clients, pool, runTag, shape, concurrency).RunAsync(TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), Sample);
        var peakRss = servers.Max(s => s.PeakRssMiB());
        foreach (var server in servers)
        {
            server.Kill();
        }

        foreach (var disposable in clients.Cast<IDisposable>().Concat(servers))
        {
            disposable.Dispose();
        }

        var expected = result.Sent.ToDictionary(
            s => LoadGenerator.CallId(runTag, s.Index),
            s => (logged[s.Scenario].Events, logged[s.Scenario].Logs.ContactCenter, logged[s.Scenario].Logs.FieldService),
            StringComparer.Ordinal);
        var verified = await Verification.CheckAsync(target, expected);

        var wall = (samples[1].At - samples[0].At) / (double)Stopwatch.Frequency;
        double Percent(Func<(long, double Server, double Database, double Harness, long), double> pick) => 100 * (pick(samples[1]) - pick(samples[0])) / wall;
        return new IngestRow(
            serverCount == 1 ? target.Provider : $"{target.Provider}, {serverCount} servers", shape, concurrency, result.LifecyclesInWindow / (double)seconds, result.EventsInWindow / (double)seconds,
            result.RequestsInWindow / (double)seconds, new Percentiles(result.LatencyTicks),
            Percent(s => s.Server), peakRss, Percent(s => s.Database), Percent(s => s.Harness),
            (samples[1].Written - samples[0].Written) / wall / (1 << 20), (samples[1].Written - samples[0].Written) / 1024.0 / Math.Max(1, result.LifecyclesInWindow),
            (samples[1].Written - samples[0].Written) / 1024.0 / Math.Max(1, result.EventsInWindow),
            result.Failures, result.FirstFailure, verified, machine);
    }

    /// <summary>One server's data directory: the run's own, or with several servers a directory each inside it.</summary>
    private static string ServerDirectory(string dataDirectory, int servers, int k) => servers == 1 ? dataDirectory : Path.Combine(dataDirectory, $"server-{k}");

    /// <summary>A telephony-role API token, as a real switch would hold: looked up in the database on every request.</summary>
    private static async Task<string> TelephonyTokenAsync(ServerProcess server)
    {
        using var admin = server.Client(AdminToken, 1);
        using var response = await admin.PostAsJsonAsync(new Uri("/api/tokens", UriKind.Relative), new { name = "benchmark telephony", role = "telephony" });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    private static async Task DropDatabaseAsync(string serverConnectionString, string name)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>One measured run.</summary>
internal sealed record IngestRow(
    string Provider, Shape Shape, int Concurrency, double LifecyclesPerSecond, double EventsPerSecond, double RequestsPerSecond,
    Percentiles Latency, double ServerCpuPercent, double ServerPeakRssMiB, double DatabaseCpuPercent, double HarnessCpuPercent,
    double WrittenMiBPerSecond, double WrittenKiBPerLifecycle, double WrittenKiBPerEvent, long Failures, string? FirstFailure, string Verified, MachineCheck Machine)
{
    private string ShapeName => Shape == Shape.Events ? "event per request" : "lifecycle per request";

    public string Line() =>
        $"{Provider} {ShapeName} c={Concurrency}: {LifecyclesPerSecond:N0} lifecycles/s, {EventsPerSecond:N0} events/s, " +
        $"p50/p95/p99 {Markdown.Ms(Latency.P50)}/{Markdown.Ms(Latency.P95)}/{Markdown.Ms(Latency.P99)} ms, " +
        $"server CPU {ServerCpuPercent:N0}% RSS {ServerPeakRssMiB:N0} MiB, db CPU {(double.IsNaN(DatabaseCpuPercent) ? "-" : $"{DatabaseCpuPercent:N0}%")}, " +
        $"harness CPU {HarnessCpuPercent:N0}%, machine before the run {Machine}, disk writes {WrittenMiBPerSecond:N1} MiB/s ({WrittenKiBPerLifecycle:N0} KiB/lifecycle, {WrittenKiBPerEvent:N1} KiB/event), failures {Failures}{(FirstFailure is null ? "" : $" (first: {FirstFailure})")}; verified: {Verified}";

    public static string Table(IEnumerable<IngestRow> rows) => Markdown.Table(
        ["provider", "shape", "connections", "lifecycles/s", "events/s", "p50 ms", "p95 ms", "p99 ms", "server CPU", "server peak RSS", "db CPU", "harness CPU", "disk writes", "KiB/event", "machine check", "failures", "verified"],
        rows.Select(r => (IReadOnlyList<string>)
        [
            r.Provider, r.ShapeName, r.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Markdown.N(r.LifecyclesPerSecond), Markdown.N(r.EventsPerSecond),
            Markdown.Ms(r.Latency.P50), Markdown.Ms(r.Latency.P95), Markdown.Ms(r.Latency.P99),
            $"{r.ServerCpuPercent:N0}%", $"{r.ServerPeakRssMiB:N0} MiB",
            double.IsNaN(r.DatabaseCpuPercent) ? "-" : $"{r.DatabaseCpuPercent:N0}%", $"{r.HarnessCpuPercent:N0}%",
            $"{r.WrittenMiBPerSecond:N0} MiB/s", $"{r.WrittenKiBPerEvent:N1}", $"{r.Machine.NsPerDecision:N0} ns · {r.Machine.FsyncMs:N2} ms",
            r.Failures.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Verified.StartsWith("ok", StringComparison.Ordinal) ? "yes" : "NO",
        ]));
}
