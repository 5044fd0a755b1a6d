using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using Calltrail.TestKit.Audio;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Server.Tests.Recording;

/// <summary>A call the service records (the payment-pause example's organization), told through its events, and checks on its audio.</summary>
internal static class RecordedCall
{
    /// <summary>Sets the organization and reports the call as started and answered now: the service says record.</summary>
    public static async Task ArrangeAsync(HttpClient admin, string callId, bool queueRecords = true, long? at = null)
    {
        await OrganizeAsync(admin, queueRecords);
        await StartAsync(admin, callId, at);
    }

    /// <summary>The payment-pause example's organization; with <paramref name="queueRecords"/> false, queue calls are not recorded.</summary>
    public static async Task OrganizeAsync(HttpClient admin, bool queueRecords = true)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.File("spec", "examples", "06-payment-pause.scenario.json")))!;
        var organization = new JsonObject { ["settings"] = example["settings"]!.DeepClone(), ["employees"] = example["employees"]!.DeepClone() };
        organization["settings"]!["contactCenter"]!["defaults"]!["queue"]!["record"] = queueRecords;
        using var put = await admin.PutAsync("/api/settings", Json.Body(organization.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>The call rang in through the sales queue and Ana answered it, now (or at <paramref name="at"/>, Unix ms).</summary>
    public static Task StartAsync(HttpClient admin, string callId, long? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return PostAsync(admin, $$"""
            [{"callId": "{{callId}}", "sequence": 1, "type": "started", "at": {{now}}, "direction": "inbound",
              "from": "+15550100001", "to": "+15550142000", "via": "tracking-number", "tenant": "north", "queue": "sales"},
             {"callId": "{{callId}}", "sequence": 2, "type": "answered", "at": {{now}}, "employee": "ana"}]
            """);
    }

    /// <summary>Reports one event of <paramref name="type"/> happening now.</summary>
    public static Task EventAsync(HttpClient admin, string callId, int sequence, string type, string fields = "") => PostAsync(
        admin, $$"""{"callId": "{{callId}}", "sequence": {{sequence}}, "type": "{{type}}", "at": {{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}{{fields}}}""");

    /// <summary>One event as JSON, happening at <paramref name="at"/> (Unix ms) — for a batch, or for an event reported late.</summary>
    public static string Event(string callId, int sequence, string type, long at) =>
        $$"""{"callId": "{{callId}}", "sequence": {{sequence}}, "type": "{{type}}", "at": {{at}}}""";

    /// <summary>The call's recordings (none, while nothing was kept).</summary>
    public static async Task<JsonArray> RecordingsAsync(HttpClient admin, string callId) =>
        JsonNode.Parse(await admin.GetStringAsync($"/api/recordings?call={callId}"))!["recordings"]!.AsArray();

    public static async Task PostAsync(HttpClient admin, string body)
    {
        using var response = await admin.PostAsync("/api/calls/events", Json.Body(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The call's recording once its status is no longer <c>recording</c> (or, with <paramref name="status"/>, once it is that).</summary>
    public static async Task<JsonNode> RecordingAsync(HttpClient admin, string callId, Func<string, bool> status) =>
        (await Eventually.ValueAsync(
            async () => (await RecordingsAsync(admin, callId)).FirstOrDefault(),
            recording => recording is not null && status(recording["status"]!.GetValue<string>()),
            $"call {callId}'s recording in the awaited state"))!;

    public static void AssertExactlySilent(short[][] channels, long fromMs, long toMs)
    {
        foreach (var channel in channels)
        {
            var span = channel.AsSpan((int)(fromMs * 8), (int)((toMs - fromMs) * 8));
            Assert.True(span.IndexOfAnyExcept((short)0) < 0, $"audio in the paused span {fromMs}-{toMs} ms");
        }
    }

    public static void AssertTone(short[] channel, int expected, int other, long fromMs, long toMs)
    {
        var block = channel.AsSpan((int)(fromMs * 8), (int)((toMs - fromMs) * 8));
        var wanted = ToneDetector.Power(block, expected, 8000);
        Assert.True(wanted > 0.01, $"no {expected} Hz tone between {fromMs} and {toMs} ms (power {wanted})");
        Assert.True(wanted > 20 * ToneDetector.Power(block, other, 8000), $"{other} Hz leaks into the {expected} Hz channel");
    }

    /// <summary>
    /// The <paramref name="expected"/> tone is somewhere in <paramref name="fromMs"/>..<paramref name="toMs"/> for at least
    /// <paramref name="atLeastMs"/> (in 50 ms blocks), wherever in the stretch it began, and the <paramref name="other"/>
    /// channel's tone leaks into none of it. For stretches whose edges depend on how fast the machine ran.
    /// </summary>
    public static void AssertToneFor(short[] channel, int expected, int other, long fromMs, long toMs, long atLeastMs)
    {
        const int BlockMs = 50;
        var toned = 0;
        for (var at = Math.Max(0, fromMs); at + BlockMs <= Math.Min(toMs, channel.Length / 8); at += BlockMs)
        {
            var block = channel.AsSpan((int)(at * 8), BlockMs * 8);
            var (wanted, leaked) = (ToneDetector.Power(block, expected, 8000), ToneDetector.Power(block, other, 8000));
            Assert.True(leaked < 0.01 || leaked * 20 < wanted, $"{other} Hz leaks into the {expected} Hz channel at {at} ms (power {leaked})");
            toned += wanted > 0.01 && wanted > 20 * leaked ? 1 : 0;
        }

        Assert.True(
            toned * BlockMs >= atLeastMs,
            $"{expected} Hz tone in only {toned} blocks of {BlockMs} ms between {fromMs} and {toMs} ms, wanted {atLeastMs} ms of it");
    }
}
