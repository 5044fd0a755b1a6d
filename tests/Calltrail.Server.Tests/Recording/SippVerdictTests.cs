using Calltrail.Recorder;
using Calltrail.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>sipp recording sessions whose audio the service's verdict decides: not recorded, recorded late, linked late, never linked, speech.</summary>
public sealed class SippVerdictTests
{
    private const int CallerHz = 1000;

    [Fact]
    public async Task A_call_the_verdict_does_not_record_is_accepted_but_nothing_is_kept()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"unrecorded-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(admin, callId, queueRecords: false);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 5);

        await RunAsync(sipp, server, callId, durationMs: 1500);
        await RecordedCall.EventAsync(admin, callId, 3, "ended");

        Assert.Empty(await RecordedCall.RecordingsAsync(admin, callId));
    }

    [Fact]
    public async Task A_transfer_to_an_external_number_starts_the_recording_late()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"transfer-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(admin, callId, queueRecords: false);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);

        using var client = sipp.Start(Recorder(server).SipPort, callId, durationMs: 3500);
        await Task.Delay(1500);
        await RecordedCall.EventAsync(admin, callId, 3, "transferred", """, "transferTo": "external-number" """);
        await Finished(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        Assert.True(recording["complete"]!.GetValue<bool>());
        Assert.InRange(recording["durationMs"]!.GetValue<long>(), 1400, 2600);
        var channels = await sipp.DecodeAsync(await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>()), 2);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: 200, toMs: 1200);
    }

    [Fact]
    public async Task A_session_that_arrives_before_its_call_is_kept_from_its_start_once_the_call_is_known()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"early-{Guid.NewGuid():N}";
        await RecordedCall.OrganizeAsync(admin);
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);

        // The call connected as the session began; its events reach the service a second later.
        var connected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var client = sipp.Start(Recorder(server).SipPort, callId, durationMs: 3000);
        await Task.Delay(1000);
        await RecordedCall.StartAsync(admin, callId, at: connected);
        await Finished(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        Assert.InRange(recording["durationMs"]!.GetValue<long>(), 2700, 3600);
        var channels = await sipp.DecodeAsync(await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>()), 2);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: 200, toMs: 900);
    }

    [Fact]
    public async Task A_session_for_a_call_that_never_arrives_is_discarded()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"stranger-{Guid.NewGuid():N}";
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 5);

        await RunAsync(sipp, server, callId, durationMs: 1500);

        Assert.Empty(await RecordedCall.RecordingsAsync(admin, callId));
        var recordings = Path.Combine(server.DataDirectory, "recordings");
        Assert.False(Directory.Exists(recordings) && Directory.EnumerateFiles(recordings, "*", SearchOption.AllDirectories).Any(), "a file was written");
    }

    [Fact]
    public async Task Speech_played_from_sipps_bundled_pcap_in_A_law_is_recorded()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"speech-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(admin, callId);
        sipp.PlayPcap("/usr/share/sip-tester/g711a.pcap");

        await RunAsync(sipp, server, callId, durationMs: 8000);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        var channels = await sipp.DecodeAsync(await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>()), 2);
        var speech = channels[0].AsSpan(0, Math.Min(channels[0].Length, 7 * 8000));
        var loud = 0;
        foreach (var sample in speech)
        {
            loud += Math.Abs((int)sample) > 1000 ? 1 : 0;
        }

        // Speech has pauses, but a good share of 7 s of it is well above silence.
        Assert.True(loud > speech.Length / 10, $"only {loud} of {speech.Length} samples carry speech");
        Assert.True(channels[1].AsSpan().IndexOfAnyExcept((short)0) < 0, "the second stream sent nothing, so its channel is silence");
    }

    private static SiprecServer Recorder(TestServer server) => server.Services.GetRequiredService<SiprecServer>();

    private static async Task RunAsync(SippPeer sipp, TestServer server, string callId, int durationMs)
    {
        using var client = sipp.Start(Recorder(server).SipPort, callId, durationMs);
        await Finished(client);
    }

    private static async Task Finished(System.Diagnostics.Process client)
    {
        await client.WaitForExitAsync();
        Assert.True(client.ExitCode == 0, $"sipp failed: {await client.StandardOutput.ReadToEndAsync()}");
    }
}
