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
        await RecordedCall.ArrangeAsync(admin, callId);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);
        var recorder = server.Services.GetRequiredService<SiprecServer>();

        using var client = sipp.Start(recorder.SipPort, callId, durationMs: 4000);
        var agentPort = await SecondStreamPortAsync(recorder);
        using var stop = new CancellationTokenSource();
        var agent = SippPeer.SendToneAsync(agentPort, AgentHz, TimeSpan.FromSeconds(3.8), stop.Token);
        await Task.Delay(1500);
        await RecordedCall.EventAsync(admin, callId, 3, "payment-screen-opened");
        await Task.Delay(1000);
        await RecordedCall.EventAsync(admin, callId, 4, "payment-screen-closed");
        await agent;
        await client.WaitForExitAsync();
        Assert.True(client.ExitCode == 0, $"sipp failed: {await client.StandardOutput.ReadToEndAsync()}");

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        Assert.True(recording["complete"]!.GetValue<bool>());
        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        var (pauseStart, pauseEnd) = (paused["startMs"]!.GetValue<long>(), paused["endMs"]!.GetValue<long>());
        Assert.InRange(pauseEnd - pauseStart, 800, 1300);
        Assert.InRange(recording["durationMs"]!.GetValue<long>(), 3500, 4800);

        var audio = await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        RecordedCall.AssertExactlySilent(channels, pauseStart, pauseEnd);
        RecordedCall.AssertTone(channels[0], CallerHz, AgentHz, fromMs: 300, toMs: pauseStart - 100);
        RecordedCall.AssertTone(channels[1], AgentHz, CallerHz, fromMs: 300, toMs: pauseStart - 100);
        RecordedCall.AssertTone(channels[0], CallerHz, AgentHz, fromMs: pauseEnd + 100, toMs: pauseEnd + 700);
        RecordedCall.AssertTone(channels[1], AgentHz, CallerHz, fromMs: pauseEnd + 100, toMs: pauseEnd + 700);

        var log = JsonNode.Parse(await admin.GetStringAsync($"/api/calls/contact-center"))!["calls"]!.AsArray();
        var entry = log.Single(c => c!["callId"]!.GetValue<string>() == callId)!;
        Assert.Equal(recording["id"]!.GetValue<string>(), entry["recordings"]![0]!["id"]!.GetValue<string>());
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
}
