using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Calltrail.Calls;
using Calltrail.Service.Benchmarks.Workload;

namespace Calltrail.Service.Benchmarks.Ingest;

/// <summary>How the telephony sends a lifecycle: one request per event, in order, each after the previous one's 200; or all of it in one request.</summary>
internal enum Shape
{
    Events,
    Lifecycle,
}

/// <summary>What the workers saw; counts and latencies are those of the measured window only.</summary>
internal sealed record LoadResult(
    long LifecyclesSent,
    long EventsSent,
    long Failures,
    string? FirstFailure,
    long LifecyclesInWindow,
    long EventsInWindow,
    long RequestsInWindow,
    List<long> LatencyTicks,
    IReadOnlyList<(long Index, int Scenario)> Sent);

/// <summary>
/// A closed-loop load: <c>concurrency</c> simulated telephony connections, each sending one lifecycle after
/// another as fast as the server answers. Requests count towards the window in which their answer arrived;
/// a lifecycle counts when its last event is answered. When the window closes, each connection finishes
/// the lifecycle it is in (so every call sent is complete) and stops. With several servers, connection i
/// talks to server i mod n, so each call's events all go to one server — as a call's events come from one
/// switch — while every server takes calls at once.
/// </summary>
internal sealed class LoadGenerator(HttpClient[] clients, Scenario[] pool, string runTag, Shape shape, int concurrency)
{
    private static readonly Uri Events = new("/api/calls/events", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private long next = -1;
    private long windowStart;
    private long windowEnd;
    private volatile bool stopping;

    /// <param name="onWindow">Called when the measured window opens and when it closes (to sample CPU then).</param>
    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan measure, Action<bool> onWindow)
    {
        var now = Stopwatch.GetTimestamp();
        windowStart = now + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        windowEnd = windowStart + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var connectAtBase = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkAsync(clients[i % clients.Length], connectAtBase))).ToArray();

        await Task.Delay(warmup);
        onWindow(true);
        await Task.Delay(measure);
        onWindow(false);
        stopping = true;
        var stats = await Task.WhenAll(workers);

        var latencies = new List<long>(stats.Sum(s => s.Latencies.Count));
        foreach (var s in stats)
        {
            latencies.AddRange(s.Latencies);
        }

        var sent = stats.SelectMany(s => s.Sent).OrderBy(x => x.Index).ToList();
        return new LoadResult(
            sent.Count, stats.Sum(s => s.EventsSent), stats.Sum(s => s.Failures), stats.Select(s => s.FirstFailure).FirstOrDefault(f => f is not null),
            stats.Sum(s => s.LifecyclesInWindow), stats.Sum(s => s.EventsInWindow), stats.Sum(s => s.RequestsInWindow), latencies, sent);
    }

    /// <summary>The index-th call: its own id, the mix's scenarios in turn, connecting 1 ms after the previous one.</summary>
    public static string CallId(string runTag, long index) => $"{runTag}-{index:D9}";

    private async Task<WorkerStats> WorkAsync(HttpClient client, long connectAtBase)
    {
        var stats = new WorkerStats();
        while (!stopping)
        {
            var index = Interlocked.Increment(ref next);
            var scenario = (int)(index % pool.Length);
            // The client's work (playing the scenario, writing JSON) happens before any request is timed.
            var events = Lifecycles.Play(pool[scenario], CallId(runTag, index), connectAtBase + index);
            byte[][] bodies = shape == Shape.Events ? Lifecycles.EventBodies(events) : [Lifecycles.LifecycleBody(events)];
            var completedAt = 0L;
            var complete = true;
            foreach (var body in bodies)
            {
                var started = Stopwatch.GetTimestamp();
                var problem = await PostAsync(client, body);
                completedAt = Stopwatch.GetTimestamp();
                if (problem is not null)
                {
                    stats.Failures++;
                    stats.FirstFailure ??= problem;
                    complete = false;
                    break; // the rest of this call's events would not make sense without it
                }

                if (completedAt >= windowStart && completedAt < windowEnd)
                {
                    stats.Latencies.Add(completedAt - started);
                    stats.RequestsInWindow++;
                    stats.EventsInWindow += shape == Shape.Events ? 1 : events.Count;
                }
            }

            if (complete)
            {
                stats.Sent.Add((index, scenario));
                stats.EventsSent += events.Count;
                if (completedAt >= windowStart && completedAt < windowEnd)
                {
                    stats.LifecyclesInWindow++;
                }
            }
        }

        return stats;
    }

    private static async Task<string?> PostAsync(HttpClient client, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync(Events, content);
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode}: {text}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException e)
        {
            return $"timed out: {e.Message}";
        }
    }

    private sealed class WorkerStats
    {
        public List<long> Latencies { get; } = new(4096);

        public List<(long Index, int Scenario)> Sent { get; } = [];

        public long EventsSent { get; set; }

        public long Failures { get; set; }

        public string? FirstFailure { get; set; }

        public long LifecyclesInWindow { get; set; }

        public long EventsInWindow { get; set; }

        public long RequestsInWindow { get; set; }
    }
}
