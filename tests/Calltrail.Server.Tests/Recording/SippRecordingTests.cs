using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Calltrail.Recorder;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using Calltrail.TestKit.Audio;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// A real SIPREC client (sipp) against the service's recorder: the recording is linked to its call,
/// holds each participant's tone on its own channel, and is exactly silent while the payment screen was open.
/// </summary>
public sealed class SippRecordingTests
{
    private const int CallerHz = 1000;
    private const int AgentHz = 600;

    [Fact]
    public async Task A_sipp_call_is_recorded_in_stereo_with_the_payment_window_silent()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"sipp-{Guid.NewGuid():N}";
        await ArrangeRecordedCallAsync(admin, callId);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);
        var recorder = server.Services.GetRequiredService<SiprecServer>();

        using var client = sipp.Start(recorder.SipPort, callId, durationMs: 4000);
        var agentPort = await SecondStreamPortAsync(recorder);
        using var stop = new CancellationTokenSource();
        var agent = SippPeer.SendToneAsync(agentPort, AgentHz, TimeSpan.FromSeconds(3.8), stop.Token);
        await Task.Delay(1500);
        await PostAsync(admin, Event(callId, 3, "payment-screen-opened"));
        await Task.Delay(1000);
        await PostAsync(admin, Event(callId, 4, "payment-screen-closed"));
        await agent;
        await client.WaitForExitAsync();
        Assert.True(client.ExitCode == 0, $"sipp failed: {await client.StandardOutput.ReadToEndAsync()}");

        var recording = await FinishedRecordingAsync(admin, callId);
        Assert.True(recording["complete"]!.GetValue<bool>());
        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        var (pauseStart, pauseEnd) = (paused["startMs"]!.GetValue<long>(), paused["endMs"]!.GetValue<long>());
        Assert.InRange(pauseEnd - pauseStart, 800, 1300);
        Assert.InRange(recording["durationMs"]!.GetValue<long>(), 3500, 4800);

        var audio = await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        AssertExactlySilent(channels, pauseStart, pauseEnd);
        AssertTone(channels[0], CallerHz, AgentHz, from: 300, to: pauseStart - 100);
        AssertTone(channels[1], AgentHz, CallerHz, from: 300, to: pauseStart - 100);
        AssertTone(channels[0], CallerHz, AgentHz, from: pauseEnd + 100, to: pauseEnd + 700);
        AssertTone(channels[1], AgentHz, CallerHz, from: pauseEnd + 100, to: pauseEnd + 700);

        var log = JsonNode.Parse(await admin.GetStringAsync($"/api/calls/contact-center"))!["calls"]!.AsArray();
        var entry = log.Single(c => c!["callId"]!.GetValue<string>() == callId)!;
        Assert.Equal(recording["id"]!.GetValue<string>(), entry["recordings"]![0]!["id"]!.GetValue<string>());
    }

    private static void AssertExactlySilent(short[][] channels, long fromMs, long toMs)
    {
        foreach (var channel in channels)
        {
            var span = channel.AsSpan((int)(fromMs * 8), (int)((toMs - fromMs) * 8));
            Assert.True(span.IndexOfAnyExcept((short)0) < 0, $"audio in the paused span {fromMs}-{toMs} ms");
        }
    }

    private static void AssertTone(short[] channel, int expected, int other, long from, long to)
    {
        var block = channel.AsSpan((int)(from * 8), (int)((to - from) * 8));
        var wanted = ToneDetector.Power(block, expected, 8000);
        Assert.True(wanted > 0.01, $"no {expected} Hz tone between {from} and {to} ms (power {wanted})");
        Assert.True(wanted > 20 * ToneDetector.Power(block, other, 8000), $"{other} Hz leaks into the {expected} Hz channel");
    }

    private static async Task ArrangeRecordedCallAsync(HttpClient admin, string callId)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.File("spec", "examples", "06-payment-pause.scenario.json")))!;
        var organization = new JsonObject { ["settings"] = example["settings"]!.DeepClone(), ["employees"] = example["employees"]!.DeepClone() };
        using var put = await admin.PutAsync("/api/settings", Json.Body(organization.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await PostAsync(admin, $$"""
            [{"callId": "{{callId}}", "sequence": 1, "type": "started", "at": {{now}}, "direction": "inbound",
              "from": "+15550100001", "to": "+15550142000", "via": "tracking-number", "tenant": "north", "queue": "sales"},
             {"callId": "{{callId}}", "sequence": 2, "type": "answered", "at": {{now}}, "employee": "ana"}]
            """);
    }

    private static string Event(string callId, int sequence, string type) =>
        $$"""{"callId": "{{callId}}", "sequence": {{sequence}}, "type": "{{type}}", "at": {{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""";

    private static async Task PostAsync(HttpClient admin, string body)
    {
        using var response = await admin.PostAsync("/api/calls/events", Json.Body(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<int> SecondStreamPortAsync(SiprecServer recorder)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if (recorder.Sessions.Sessions.FirstOrDefault() is { } session)
            {
                return session.LocalPorts[1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("sipp's INVITE never made a recording session");
    }

    private static async Task<JsonNode> FinishedRecordingAsync(HttpClient admin, string callId)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            var page = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings?call={callId}"))!["recordings"]!.AsArray();
            if (page.FirstOrDefault() is { } recording && recording["status"]!.GetValue<string>() != "recording")
            {
                return recording;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the recording was never finished");
    }
}
