using System.Diagnostics;
using Calltrail.Recorder;
using Calltrail.Recorder.Sessions;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit.Waiting;
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

        using var client = sipp.StartUntilHungUp(Recorder(server).SipPort, callId);
        var session = await TalkingAsync(server);
        await Task.Delay(1500); // pacing: the call goes unrecorded for a while
        var transferring = Stopwatch.GetTimestamp();
        await RecordedCall.EventAsync(admin, callId, 3, "transferred", """, "transferTo": "external-number" """);
        var transferred = Stopwatch.GetTimestamp();
        await Task.Delay(1000); // pacing: the recorded part
        var hangingUp = Stopwatch.GetTimestamp();
        await sipp.HangUpAsync(session.SipCallId);
        await Finished(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        var reported = Stopwatch.GetTimestamp();
        Assert.True(recording["complete"]!.GetValue<bool>());
        // From the transfer to the BYE: not the 1.5 s of the call before it, however long the steps took.
        var durationMs = recording["durationMs"]!.GetValue<long>();
        Assert.InRange(durationMs, Ms(transferred, hangingUp) - 1, Ms(transferring, reported));
        var channels = await sipp.DecodeAsync(await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>()), 2);
        RecordedCall.AssertToneFor(channels[0], CallerHz, 600, 0, durationMs, atLeastMs: Ms(transferred, hangingUp) / 2);
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

        // The call connected as the session began; its events reach the service later.
        var connected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var dialing = Stopwatch.GetTimestamp();
        using var client = sipp.StartUntilHungUp(Recorder(server).SipPort, callId);
        var session = await SippRecordingTests.SessionAsync(Recorder(server));
        var sessionSeen = Stopwatch.GetTimestamp();
        await TalkingAsync(server);
        var talking = Stopwatch.GetTimestamp();
        await Task.Delay(1000); // pacing: audio the recorder holds for a call it does not know yet
        var knowing = Stopwatch.GetTimestamp();
        await RecordedCall.StartAsync(admin, callId, at: connected);
        var known = Stopwatch.GetTimestamp();
        await Task.Delay(1000); // pacing: audio of the known call
        var hangingUp = Stopwatch.GetTimestamp();
        await sipp.HangUpAsync(session.SipCallId);
        await Finished(client);

        var recording = await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
        var reported = Stopwatch.GetTimestamp();
        // From the session's start (before the test saw it), not from when the call became known.
        var durationMs = recording["durationMs"]!.GetValue<long>();
        Assert.InRange(durationMs, Ms(sessionSeen, hangingUp) - 1, Ms(dialing, reported));
        var channels = await sipp.DecodeAsync(await admin.GetByteArrayAsync(recording["audio"]!.GetValue<string>()), 2);
        // The held audio lies before the moment the call became known, which is at least this far from the recording's end.
        var linkedBeforeMs = durationMs - Ms(known, hangingUp);
        RecordedCall.AssertToneFor(channels[0], CallerHz, 600, 0, linkedBeforeMs, atLeastMs: Ms(talking, knowing) / 2);
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

    private static long Ms(long from, long to) => SippRecordingTests.Ms(from, to);

    /// <summary>sipp's session, once its audio reaches the recorder.</summary>
    private static async Task<RecordingSession> TalkingAsync(TestServer server)
    {
        var session = await SippRecordingTests.SessionAsync(Recorder(server));
        await Eventually.TrueAsync(() => session.Receivers[0]!.Packets > 0, "sipp's first RTP packet");
        return session;
    }

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
