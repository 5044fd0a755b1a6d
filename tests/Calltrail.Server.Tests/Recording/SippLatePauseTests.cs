using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Calltrail.Recorder;
using Calltrail.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// A real SIPREC client (sipp) against the service, with the payment screen reported late: in one batch
/// after the fact, or a second after it opened. The served WAV is silent over the window by the events'
/// own times — not by anything the recorder reports about itself — and the recording lists the window
/// as paused and redacted late.
/// </summary>
public sealed class SippLatePauseTests
{
    private const int CallerHz = 1000;

    [Fact]
    public async Task A_payment_window_reported_in_one_late_batch_is_silent_in_the_served_wav()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"late-batch-{Guid.NewGuid():N}";
        await RecordedCall.OrganizeAsync(admin);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);
        var connected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.StartAsync(admin, callId, at: connected);

        using var client = sipp.StartUntilHungUp(Recorder(server).SipPort, callId);
        var session = await SippRecordingTests.SessionAsync(Recorder(server));
        await RecordedCall.RecordingAsync(admin, callId, status => status == "recording");
        await Task.Delay(3000); // pacing: the call goes on; the screen opened and closed in the meantime, unreported
        var (opened, closed) = (connected + 1000, connected + 2000);
        await RecordedCall.PostAsync(admin, $"[{RecordedCall.Event(callId, 3, "payment-screen-opened", opened)}, {RecordedCall.Event(callId, 4, "payment-screen-closed", closed)}]");
        await Task.Delay(500); // pacing: audio after the window
        await sipp.HangUpAsync(session.SipCallId);
        await FinishedAsync(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        await AssertSilentAndListedLateAsync(admin, sipp, recording, opened, closed);
    }

    [Fact]
    public async Task A_payment_screen_opening_reported_a_second_late_is_silent_from_when_it_opened()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"late-open-{Guid.NewGuid():N}";
        await RecordedCall.OrganizeAsync(admin);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);
        await RecordedCall.StartAsync(admin, callId);

        using var client = sipp.StartUntilHungUp(Recorder(server).SipPort, callId);
        var session = await SippRecordingTests.SessionAsync(Recorder(server));
        await RecordedCall.RecordingAsync(admin, callId, status => status == "recording");
        await Task.Delay(1500); // pacing: audio before the screen opens
        var opened = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000; // the screen opened a second before the event reached the service
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 3, "payment-screen-opened", opened));
        await Task.Delay(1000); // pacing: the screen stays open
        var closed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 4, "payment-screen-closed", closed));
        await Task.Delay(700); // pacing: audio after the window
        await sipp.HangUpAsync(session.SipCallId);
        await FinishedAsync(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        await AssertSilentAndListedLateAsync(admin, sipp, recording, opened, closed);
    }

    /// <summary>The WAV is exactly silent from the opening to the closing by the events' clock, with the tone around it; the recording says the pause was redacted late.</summary>
    private static async Task AssertSilentAndListedLateAsync(HttpClient admin, SippPeer sipp, JsonNode recording, long opened, long closed)
    {
        var startedAt = DateTimeOffset.Parse(recording["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var (from, to) = (opened - startedAt, closed - startedAt);
        Assert.True(from > 300, $"the window begins {from} ms into the recording");
        var audio = await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        RecordedCall.AssertExactlySilent(channels, from, to);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: 100, toMs: from - 100);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: to + 100, toMs: Math.Min(to + 600, (channels[0].Length / 8) - 50));

        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        Assert.True(paused["redacted"]!.GetValue<bool>(), paused.ToJsonString());
        Assert.True(paused["lateMs"]!.GetValue<long>() >= 800, paused.ToJsonString());
        Assert.True(paused["startMs"]!.GetValue<long>() <= from + 1 && paused["endMs"]!.GetValue<long>() >= to - 1, paused.ToJsonString());
        Assert.True(recording["agreesWithVerdict"]!.GetValue<bool>());
    }

    private static SiprecServer Recorder(TestServer server) => server.Services.GetRequiredService<SiprecServer>();

    private static async Task FinishedAsync(System.Diagnostics.Process client)
    {
        await client.WaitForExitAsync();
        Assert.True(client.ExitCode == 0, $"sipp failed: {await client.StandardOutput.ReadToEndAsync()}");
    }
}
