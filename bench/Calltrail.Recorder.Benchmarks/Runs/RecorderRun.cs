using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Calltrail.Recorder.Benchmarks.Measuring;
using Calltrail.Recorder.Benchmarks.Sip;
using Calltrail.Service.Benchmarks.Hosting;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>The recorder's side of one run: what it cost and what reached the recordings.</summary>
public sealed record RecorderFigures(
    TrafficFigures Traffic, double Missing, int CallsWithLoss, long[] GapsBySecond, int Unfinished, TimeSpan Setup, CpuWindow SessionsIdle, IReadOnlyList<string> LogProblems, string LogPath);

/// <summary>
/// N concurrent recorded calls against a fresh server process: the service hears of each call
/// (started, answered, recorded by the organization's settings), a SIPREC session is opened for it,
/// both streams are sent for the run's length, then every session is ended (BYE, then the ended event)
/// and every recording is read back through the API and compared with what was sent.
/// </summary>
public static class RecorderRun
{
    private const int Parallelism = 16;

    public static async Task<RecorderFigures> RunAsync(Configuration configuration, int calls, BenchOptions options, string dataDirectory)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var sipPort = FreeUdpPort();
        var environment = new Dictionary<string, string>(configuration.Environment)
        {
            ["CALLTRAIL_ADMIN_TOKEN"] = token,
            ["Calltrail__DataDirectory"] = dataDirectory,
            ["Recorder__SipPort"] = sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The server's appsettings.json says this, but it is read from the working directory, which is not the server's.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (name, value) in options.ServerEnvironment)
        {
            environment[name] = value;
        }

        var logPath = dataDirectory + ".log";
        using var server = await ServerProcess.StartAsync(environment, logPath, options.ServerDll);
        Console.WriteLine($"  server pid {server.Pid}, SIP port {sipPort}, log {logPath}");
        using var api = server.Client(token, Parallelism);
        var events = new CallEvents(api);
        await events.UseRecordingOrganizationAsync();

        var setup = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, calls).Select(i => $"bench-{run}-{i:D5}").ToArray();
        await ForEachAsync(ids, events.StartedAndAnsweredAsync);
        using var sip = new SiprecClient(sipPort);
        var dialogs = new SiprecDialog[calls];
        await ForEachAsync(Enumerable.Range(0, calls), async i => dialogs[i] = await sip.InviteAsync(ids[i], mediaPort: 40_000));
        setup.Stop();
        Console.WriteLine($"  {calls} sessions open in {setup.Elapsed.TotalSeconds:N1} s");

        // The sessions alone, before any audio: what holding N open sessions costs (the 50 ms tick over all of them).
        await Task.Delay(1000);
        var idleFrom = CpuSample.Take(server.Pid);
        await Task.Delay(3000);
        var sessionsIdle = CpuSample.Between(idleFrom, CpuSample.Take(server.Pid));

        var streams = Traffic.Streams(dialogs.Select(d => (d.CallerPort, d.AgentPort)));
        var traffic = await Traffic.RunAsync(server.Pid, streams, options);

        await ForEachAsync(dialogs, sip.ByeAsync);
        await ForEachAsync(ids, events.EndedAsync);
        var check = new RecordingCheck(api);
        var found = new RecordingFound?[calls];
        await ForEachAsync(Enumerable.Range(0, calls), async i => found[i] = await check.ReadAsync(ids[i], TimeSpan.FromSeconds(10)), parallelism: 4);
        var missing = streams.Zip(found).Select(pair =>
            RecordingCheck.Missing(pair.First.Caller.Sent, pair.Second?.CallerFrames ?? 0)
            + RecordingCheck.Missing(pair.First.Agent.Sent, pair.Second?.AgentFrames ?? 0)).ToList();
        var unfinished = found.Count(f => f?.Status != "complete");
        var gaps = new long[found.Max(f => f?.GapsBySecond.Length ?? 0)];
        foreach (var f in found.OfType<RecordingFound>())
        {
            for (var second = 0; second < f.GapsBySecond.Length; second++)
            {
                gaps[second] += f.GapsBySecond[second];
            }
        }

        return new RecorderFigures(traffic, missing.Sum(), missing.Count(m => m > 0), gaps, unfinished, setup.Elapsed, sessionsIdle, Logs.Problems(logPath), logPath);
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> body, int parallelism = Parallelism) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await body(item));

    // Free for UDP now; the server binds TCP on the same port too, which is free in practice on loopback.
    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
