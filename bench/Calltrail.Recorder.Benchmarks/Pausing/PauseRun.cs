using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Calltrail.Recorder.Benchmarks.Hosting;
using Calltrail.Recorder.Benchmarks.Measuring;
using Calltrail.Recorder.Benchmarks.Media;
using Calltrail.Recorder.Benchmarks.Runs;
using Calltrail.Recorder.Benchmarks.Sip;
using Calltrail.Service.Benchmarks.Hosting;
using Npgsql;

namespace Calltrail.Recorder.Benchmarks.Pausing;

/// <summary>Where the events go and where the SIPREC session is.</summary>
public enum PauseSetup
{
    /// <summary>One server on SQLite: events and session in the same process.</summary>
    Sqlite,

    /// <summary>One server on PostgreSQL: the same, with the database's commit time known.</summary>
    Postgres,

    /// <summary>Two servers on one PostgreSQL database: events to A, the session on B (NOTIFY, then B reads the plan).</summary>
    TwoServers,
}

/// <summary>
/// One pause, all times by this machine's one wall clock (the harness's, the servers' and PostgreSQL's
/// are the same CLOCK_REALTIME). Sent and Answered bracket the POST of payment-screen-opened; Applied is
/// the recorder's own record of the moment it switched the session to paused (from then on it drops
/// every packet); Committed is PostgreSQL's commit timestamp of the transaction that wrote the call's
/// row at the pause's plan version; Noticed is when the harness's own LISTEN heard that commit's NOTIFY.
/// </summary>
public sealed record PauseSample(
    string CallId, DateTimeOffset Sent, DateTimeOffset Answered, DateTimeOffset Applied, DateTimeOffset? Committed, DateTimeOffset? Noticed,
    long? LateMs, bool? Redacted)
{
    public double AppliedAfterAnswer => (Applied - Answered).TotalMilliseconds;

    public double AppliedAfterSend => (Applied - Sent).TotalMilliseconds;

    public double? AppliedAfterCommit => Committed is { } c ? (Applied - c).TotalMilliseconds : null;

    public double? NoticedAfterCommit => Committed is { } c && Noticed is { } n ? (n - c).TotalMilliseconds : null;

    public double? AppliedAfterNotice => Noticed is { } n ? (Applied - n).TotalMilliseconds : null;

    public double RoundTrip => (Answered - Sent).TotalMilliseconds;
}

/// <summary>A run of one setup: every pause measured, the failures, and what else the machine was doing.</summary>
public sealed record PauseFigures(
    PauseSetup Setup, int Run, IReadOnlyList<PauseSample> Samples, IReadOnlyList<string> Failures, CpuWindow Cpu, string LoadBefore, string LoadAfter,
    IReadOnlyList<string> LogProblems);

/// <summary>
/// Pause latency, "payment event committed → the recorder stops keeping audio": fresh server process(es)
/// (and a private PostgreSQL cluster), then calls in a few concurrent lanes, each one: started and
/// answered (to the events server), a SIPREC session (to the recording server), audio on both streams
/// every 20 ms, a little talking, then <c>payment-screen-opened</c> at the moment of sending; the
/// recorder's <c>GET /api/recorder/sessions</c> says when the session became paused (it keeps that
/// time itself, so how often the harness asks does not change the figure); then BYE and ended. Every
/// recording's metadata is read at the end for the recorder's own <c>lateMs</c>.
/// </summary>
public static class PauseRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<PauseFigures> RunAsync(PauseSetup setup, int run, PauseOptions options, string work)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var name = $"pause-{run}-{setup.ToString().ToLowerInvariant()}";
        using var postgres = setup == PauseSetup.Sqlite ? null : PrivatePostgres.Start(Path.Combine(work, $"{name}-pg"));
        var connectionString = postgres is null ? null : await postgres.CreateDatabaseAsync("calltrail");
        var (eventsSip, recordingSip) = (FreeUdpPort(), FreeUdpPort());
        using var events = await StartServerAsync(Path.Combine(work, $"{name}-a"), eventsSip, token, connectionString, options);
        using var second = setup == PauseSetup.TwoServers ? await StartServerAsync(Path.Combine(work, $"{name}-b"), recordingSip, token, connectionString, options) : null;
        var recording = second ?? events;
        var sipPort = second is null ? eventsSip : recordingSip;
        Console.WriteLine($"  events server pid {events.Pid}{(second is null ? "" : $", recording server pid {second.Pid}")}, SIP port {sipPort}");
        using var eventsApi = events.Client(token, 16);
        using var recorderApi = recording.Client(token, 16);
        if (connectionString is not null)
        {
            await ListeningAsync(recorderApi);
        }

        var calls = new CallEvents(eventsApi);
        await calls.UseRecordingOrganizationAsync();
        await using var notices = connectionString is null ? null : await NoticeWatch.StartAsync(connectionString);
        await using var database = connectionString is null ? null : NpgsqlDataSource.Create(connectionString);
        using var sip = new SiprecClient(sipPort);
        using var sender = new LiveSender();
        var lane = new Lane(calls, recorderApi, sip, sender, notices, database, options);
        var prefix = Guid.NewGuid().ToString("N")[..8];

        // Warm-up: the JIT, connection pools and the servers' first requests, not measured.
        await Parallel.ForEachAsync(Enumerable.Range(0, options.WarmupPauses), Lanes(options), async (i, _) => await lane.PauseAsync($"warm-{prefix}-{i:D4}", ssrcBase: 2 * i));
        var loadBefore = LoadAverage();
        var from = CpuSample.Take(recording.Pid);
        var samples = new PauseSample?[options.Pauses];
        var failures = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Pauses), Lanes(options), async (i, _) =>
        {
            try
            {
                samples[i] = await lane.PauseAsync($"pause-{prefix}-{i:D5}", ssrcBase: 10_000 + (2 * i));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                lock (failures)
                {
                    failures.Add($"pause {i}: {e.Message}");
                }
            }
        });
        var cpu = CpuSample.Between(from, CpuSample.Take(recording.Pid));
        var loadAfter = LoadAverage();

        // The recorder's own account, for a cross-check: how late it heard of each pause (ms from the pause's 'at').
        var measured = samples.OfType<PauseSample>().ToList();
        var checkedSamples = new PauseSample[measured.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, measured.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            checkedSamples[i] = await WithRecorderAccountAsync(recorderApi, measured[i]));
        var problems = Logs.Problems(events.LogPath).Concat(second is null ? [] : Logs.Problems(second.LogPath)).ToList();
        return new PauseFigures(setup, run, checkedSamples, failures, cpu, loadBefore, loadAfter, problems);
    }

    private static ParallelOptions Lanes(PauseOptions options) => new() { MaxDegreeOfParallelism = options.Concurrency };

    private static async Task<PauseSample> WithRecorderAccountAsync(HttpClient api, PauseSample sample)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/recordings?call={Uri.EscapeDataString(sample.CallId)}", UriKind.Relative)))!;
            if (page["recordings"]!.AsArray().FirstOrDefault() is { } found && (found["status"]!.GetValue<string>() != "recording" || DateTime.UtcNow > deadline))
            {
                var paused = found["paused"]!.AsArray().FirstOrDefault(p => p!["cause"]?.GetValue<string>() == "payment-screen");
                return sample with { LateMs = paused?["lateMs"]?.GetValue<long>(), Redacted = paused?["redacted"]?.GetValue<bool>() };
            }

            if (DateTime.UtcNow > deadline)
            {
                return sample;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<ServerProcess> StartServerAsync(string data, int sipPort, string token, string? connectionString, PauseOptions options)
    {
        var environment = new Dictionary<string, string>
        {
            ["CALLTRAIL_ADMIN_TOKEN"] = token,
            ["Calltrail__DataDirectory"] = data,
            ["Recorder__SipPort"] = sipPort.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        if (connectionString is not null)
        {
            environment["Database__Provider"] = "postgresql";
            environment["Database__ConnectionString"] = connectionString;
        }

        foreach (var (key, value) in options.ServerEnvironment)
        {
            environment[key] = value;
        }

        return await ServerProcess.StartAsync(environment, data + ".log", options.ServerDll);
    }

    /// <summary>Until /health says the recording server hears other servers' plan changes.</summary>
    private static async Task ListeningAsync(HttpClient api)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (JsonNode.Parse(await api.GetStringAsync(new Uri("/health", UriKind.Relative)))!["planListener"]?["connected"]?.GetValue<bool>() != true)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the recording server never heard plan changes (planListener in /health)");
            }

            await Task.Delay(100);
        }
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>What each concurrent lane does for one call.</summary>
    private sealed class Lane(
        CallEvents calls, HttpClient recorder, SiprecClient sip, LiveSender sender, NoticeWatch? notices, NpgsqlDataSource? database, PauseOptions options)
    {
        public async Task<PauseSample> PauseAsync(string callId, int ssrcBase)
        {
            await calls.StartedAndAnsweredAsync(callId);
            var dialog = await sip.InviteAsync(callId, mediaPort: 40_000);
            var streams = new[]
            {
                new RtpStream(dialog.CallerPort, (uint)ssrcBase + 1, Tone.Caller), new RtpStream(dialog.AgentPort, (uint)ssrcBase + 2, Tone.Agent),
            };
            sender.Add(streams);
            try
            {
                await SessionAsync(callId, "recording");
                await Task.Delay(options.TalkMs); // pacing: audio kept before the payment screen

                var sent = DateTimeOffset.UtcNow;
                await calls.EventAsync(callId, 3, "payment-screen-opened", sent.ToUnixTimeMilliseconds());
                var answered = DateTimeOffset.UtcNow;

                var paused = await SessionAsync(callId, "paused");
                var applied = DateTimeOffset.Parse(paused["stateSince"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                var version = paused["planVersion"]!.GetValue<long>();
                var committed = database is null ? null : await CommittedAsync(callId, version);
                var noticed = notices is null ? null : await NoticedAsync(callId, version);
                await Task.Delay(100); // pacing: a little paused audio
                return new PauseSample(callId, sent, answered, applied, committed, noticed, null, null);
            }
            finally
            {
                // The call ends (the recording finishes by its plan), then the client ends its session.
                sender.Remove(streams);
                await calls.EventAsync(callId, 4, "ended", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await sip.ByeAsync(dialog);
            }
        }

        /// <summary>The call's session once in <paramref name="state"/> (asked every 20 ms; the time it holds is the recorder's own).</summary>
        private async Task<JsonNode> SessionAsync(string callId, string state)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var sessions = JsonNode.Parse(await recorder.GetStringAsync(new Uri($"/api/recorder/sessions?call={Uri.EscapeDataString(callId)}", UriKind.Relative)))!;
                if (sessions["sessions"]!.AsArray().FirstOrDefault(s => s!["callId"]?.GetValue<string>() == callId) is { } session
                    && session["state"]!.GetValue<string>() == state)
                {
                    return session;
                }

                if (deadline.Elapsed > Patience)
                {
                    throw new TimeoutException($"{callId}: the session was not {state} within {Patience.TotalSeconds} s");
                }

                await Task.Delay(20);
            }
        }

        /// <summary>
        /// PostgreSQL's commit time of the transaction whose version of the call's row is current — the one
        /// that committed the pause, as long as the row is at the pause's plan version (nothing else has
        /// written it since: the harness sends the call's next event only after this).
        /// </summary>
        private async Task<DateTimeOffset?> CommittedAsync(string callId, long version)
        {
            await using var command = database!.CreateCommand("SELECT plan_version, pg_xact_commit_timestamp(xmin) FROM calls WHERE call_id = $1");
            command.Parameters.AddWithValue(callId);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || reader.GetInt64(0) != version || await reader.IsDBNullAsync(1))
            {
                throw new InvalidOperationException($"{callId}: the calls row is not at plan version {version}, or has no commit timestamp");
            }

            return new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        }

        /// <summary>The harness's own LISTEN usually heard the notice by now; it may lag the recorder a little.</summary>
        private async Task<DateTimeOffset?> NoticedAsync(string callId, long version)
        {
            for (var i = 0; i < 100; i++)
            {
                if (notices!.HeardAt(callId, version) is { } at)
                {
                    return at;
                }

                await Task.Delay(10);
            }

            return null;
        }
    }
}
