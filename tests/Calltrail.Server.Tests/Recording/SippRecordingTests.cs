using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Calltrail.Recorder;
using Calltrail.Recorder.Sessions;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using Calltrail.TestKit.Audio;
using Calltrail.TestKit.Waiting;
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

    // Event times are whole ms, and the recorder places a pause by the wall clock but measures by the monotonic one.
    private const long ClockSlackMs = 20;

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

        var dialing = Stopwatch.GetTimestamp();
        using var client = sipp.StartUntilHungUp(recorder.SipPort, callId);
        var session = await SessionAsync(recorder);
        var sessionSeen = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource();
        var agent = SippPeer.SendToneAsync(session.LocalPorts[1], AgentHz, TimeSpan.FromMinutes(1), stop.Token);
        // Both participants' audio reaches the recorder before the pacing below starts.
        await Eventually.TrueAsync(() => session.Receivers.All(r => r!.Packets > 0), "both streams' first packets");
        var talking = Stopwatch.GetTimestamp();

        // Pacing the call (where the payment window falls), not waiting for anything.
        await Task.Delay(1500);
        var opening = Stopwatch.GetTimestamp();
        var openedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 3, "payment-screen-opened", openedAt));
        var opened = Stopwatch.GetTimestamp(); // the request returns with the pause in force
        await Task.Delay(1000);
        var closing = Stopwatch.GetTimestamp();
        var closedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 4, "payment-screen-closed", closedAt));
        var closed = Stopwatch.GetTimestamp();
        await Task.Delay(1000);
        var hangingUp = Stopwatch.GetTimestamp();
        await sipp.HangUpAsync(session.SipCallId);
        await client.WaitForExitAsync();
        await stop.CancelAsync();
        await agent.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext); // stopped by the token
        Assert.True(client.ExitCode == 0, $"sipp failed: {await client.StandardOutput.ReadToEndAsync()}");

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        var reported = Stopwatch.GetTimestamp();
        Assert.True(recording["complete"]!.GetValue<bool>());
        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        var (pauseStart, pauseEnd) = (paused["startMs"]!.GetValue<long>(), paused["endMs"]!.GetValue<long>());
        var durationMs = recording["durationMs"]!.GetValue<long>();
        // The recording runs from the session (made between sipp's start and the test seeing it) to sipp's BYE (after the hang-up);
        // the pause lies inside it, from the opening event to the closing one, as long as the test measured them apart.
        Assert.InRange(durationMs, Ms(sessionSeen, hangingUp) - 1, Ms(dialing, reported));
        Assert.True(0 < pauseStart && pauseStart < pauseEnd && pauseEnd < durationMs, $"pause {pauseStart}-{pauseEnd} ms in a recording of {durationMs} ms");
        Assert.InRange(pauseEnd - pauseStart, Ms(opened, closing) - ClockSlackMs, Ms(opening, closed) + ClockSlackMs);

        var audio = await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        RecordedCall.AssertExactlySilent(channels, pauseStart, pauseEnd);
        // And by the events' own times, whatever the recorder reports about itself.
        var startedAt = DateTimeOffset.Parse(recording["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        RecordedCall.AssertExactlySilent(channels, openedAt - startedAt, closedAt - startedAt);
        // Each participant talked for the measured stretch before the pause and after it: at least half of each is there,
        // wherever the machine's speed put its edges.
        var (before, after) = (Ms(talking, opening) / 2, Ms(closed, hangingUp) / 2);
        RecordedCall.AssertToneFor(channels[0], CallerHz, AgentHz, 0, pauseStart, atLeastMs: before);
        RecordedCall.AssertToneFor(channels[1], AgentHz, CallerHz, 0, pauseStart, atLeastMs: before);
        RecordedCall.AssertToneFor(channels[0], CallerHz, AgentHz, pauseEnd, durationMs, atLeastMs: after);
        RecordedCall.AssertToneFor(channels[1], AgentHz, CallerHz, pauseEnd, durationMs, atLeastMs: after);

        var log = JsonNode.Parse(await admin.GetStringAsync($"/api/calls/contact-center"))!["calls"]!.AsArray();
        var entry = log.Single(c => c!["callId"]!.GetValue<string>() == callId)!;
        Assert.Equal(recording["id"]!.GetValue<string>(), entry["recordings"]![0]!["id"]!.GetValue<string>());
    }

    /// <summary>Whole milliseconds between two of the test's own timestamps.</summary>
    internal static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>The recording session sipp's INVITE made.</summary>
    internal static async Task<RecordingSession> SessionAsync(SiprecServer recorder) =>
        (await Eventually.ValueAsync(() => recorder.Sessions.Sessions.FirstOrDefault(), s => s is not null, "sipp's INVITE making a recording session"))!;
}
