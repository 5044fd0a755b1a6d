using System.Diagnostics;
using System.Text;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Tests.Live;
using Calltrail.TestKit.Audio;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>Whole SIPREC sessions against an in-process recorder over real UDP and TCP sockets.</summary>
public class SiprecCallTests
{
    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP")]
    public async Task Call_InviteAudioBye_RecordsEachParticipantOnItsChannelAndReportsIt(string transport)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = await SipTestClient.OpenAsync(transport, recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";

        var inviting = Stopwatch.GetTimestamp();
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var first = await client.ReceiveAsync();
        if (transport == "UDP")
        {
            Assert.Equal(100, first.StatusCode);
            first = await client.FinalAsync();
        }

        var ok = first;
        var answered = Stopwatch.GetTimestamp();
        Assert.Equal(200, ok.StatusCode);
        Assert.NotNull(ok.ToTag);
        Assert.Contains("+sip.srs", ok.Header("Contact"), StringComparison.Ordinal);
        Assert.Contains($"transport={transport.ToLowerInvariant()}", ok.Header("Contact"), StringComparison.Ordinal);
        Assert.Equal("siprec", ok.Header("Require"));
        var answer = Siprec.Answer(ok);
        Assert.Equal("127.0.0.1", answer.Connection?.Address);
        Assert.Equal(2, answer.Media.Count);
        Assert.All(answer.Media, m => Assert.Equal(SdpDirection.RecvOnly, m.Direction));
        Assert.All(answer.Media, m => Assert.True(m.Port > 0));
        Assert.NotEqual(answer.Media[0].Port, answer.Media[1].Port);
        Assert.Equal(["1", "2"], answer.Media.Select(m => m.Label));

        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using (var rtp = new RtpSender(answer))
        {
            await rtp.SendAsync(50);
            await recorder.DeliveredAsync(rtp.Sent); // the last packets crossed the loopback before the BYE
        }

        var ending = Stopwatch.GetTimestamp();
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        var bye = await client.FinalAsync("BYE");
        Assert.Equal(200, bye.StatusCode);

        var finished = await recorder.Catalog.FinishedOneAsync();
        var reported = Stopwatch.GetTimestamp();
        var started = Assert.Single(recorder.Catalog.Started);
        Assert.Equal((callId, "tenant-a", sipCallId), (started.CallId, started.Tenant, started.SessionId));
        Assert.Equal(
            [new ChannelInfo(0, "1", "sip:caller@example.com", "Caller"), new ChannelInfo(1, "2", "sip:agent@example.com", "Agent")],
            started.Channels);
        Assert.Equal(started.Id, finished.Id);
        Assert.True(finished.Complete);
        // The recording runs from the INVITE's session to the BYE: at least from the 200 to the BYE (which holds the
        // whole second of audio), at most from the INVITE to the report. Whole ms, cut down.
        Assert.InRange(finished.DurationMs, Ms(answered, ending) - 1, Ms(inviting, reported));
        Assert.Empty(finished.Paused);
        var channels = recorder.Channels(started);
        AssertTones(channels, 0, channels[0].Length);
        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Fact]
    public async Task ReInvite_ClientMakesStreamsInactiveThenSendsAgain_PausedSpanWithTheClientsCauseIsSilent()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        var answer = Siprec.Answer(ok);
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using var rtp = new RtpSender(answer);
        await rtp.SendAsync(40);
        await recorder.DeliveredAsync(rtp.Sent); // this audio arrived while the recording was writing

        var pausing = Stopwatch.GetTimestamp();
        var paused = await ReInviteAsync(client, sipCallId, 2, ok.ToTag!, "inactive");
        var pausedBy = Stopwatch.GetTimestamp(); // the pause is in force before the 200 goes out
        Assert.All(paused.Media, m => Assert.Equal(SdpDirection.Inactive, m.Direction));
        Assert.Equal(answer.Media.Select(m => m.Port), paused.Media.Select(m => m.Port));
        await rtp.SendAsync(40); // a client that keeps sending while it says inactive: none of it is kept
        await recorder.DeliveredAsync(rtp.Sent); // ... and all of it arrived while inactive
        var resuming = Stopwatch.GetTimestamp();
        var resumed = await ReInviteAsync(client, sipCallId, 3, ok.ToTag!, "sendonly");
        var resumedBy = Stopwatch.GetTimestamp();
        Assert.All(resumed.Media, m => Assert.Equal(SdpDirection.RecvOnly, m.Direction));
        Assert.Equal(answer.Media.Select(m => m.Port), resumed.Media.Select(m => m.Port));
        await rtp.SendAsync(40);
        await recorder.DeliveredAsync(rtp.Sent);
        await client.SendAsync(client.Request("BYE", sipCallId, 4, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);

        var finished = await recorder.Catalog.FinishedOneAsync();
        var span = Assert.Single(finished.Paused);
        Assert.Equal(Calltrail.Recorder.Live.CallRecording.ClientPause, span.Cause);
        // The span lasts from the first re-INVITE to the second: at least from the first's 200 to the second's sending
        // (the 800 ms of audio sent while inactive), at most from the first's sending to the second's 200. Whole ms, cut down.
        Assert.InRange(span.EndMs - span.StartMs, Ms(pausedBy, resuming) - 1, Ms(pausing, resumedBy) + 1);
        var channels = recorder.Channels(recorder.Catalog.Started[0]);
        foreach (var channel in channels)
        {
            // Spans are whole ms, cut down: the pause itself began within the span's first ms.
            Assert.All(channel[(int)((span.StartMs + 1) * 8)..(int)(span.EndMs * 8)], s => Assert.Equal(0, s));
        }

        AssertTones(channels, 0, (int)(span.StartMs * 8));
        AssertTones(channels, (int)(span.EndMs * 8), channels[0].Length);
    }

    [Fact]
    public async Task Invite_RetransmittedWithTheSameBranch_SameAnswerAndOneSession()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        var invite = Siprec.Invite(client, sipCallId, client.NewBranch(), callId);

        await client.SendAsync(invite);
        var first = await client.FinalAsync();
        await client.SendAsync(invite);
        var second = await client.FinalAsync();

        Assert.Equal(200, second.StatusCode);
        Assert.Equal(first.ToTag, second.ToTag);
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.Equal(1, recorder.Server.Sessions.Count);
        Assert.Single(recorder.Catalog.Started);
    }

    [Fact]
    public async Task Invite_2xxNotAcknowledged_IsRetransmittedUntilTheAck()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();

        var again = await client.FinalAsync(); // T1 = 500 ms after the first
        Assert.Equal(ok.ToTag, again.ToTag);
        var session = Assert.Single(recorder.Server.Sessions.Sessions);
        var signalled = session.LastSignalTimestamp;
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        // The ACK has been taken (the transaction is acknowledged before the session notes the signal): what arrives from now on would be a resend after it.
        await Eventually.TrueAsync(() => session.LastSignalTimestamp != signalled, "the ACK reaching the session");

        Assert.True(await client.NothingWithinAsync(TimeSpan.FromSeconds(1.2))); // the next would have come at 1.5 s or 3.5 s
    }

    [Fact]
    public async Task Cancel_BeforeTheFinalResponse_InviteGets487AndNoSessionRemains()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        recorder.Directory.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var inviting = await SipTestClient.TcpAsync(recorder.Port);
        await using var cancelling = SipTestClient.Udp(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        var branch = inviting.NewBranch();
        await inviting.SendAsync(Siprec.Invite(inviting, sipCallId, branch, callId));
        await recorder.Directory.LookedUp.Task.WaitAsync(SipTestClient.Patience); // the INVITE waits on the service

        await cancelling.SendAsync(cancelling.Request("CANCEL", sipCallId, 1, branch));
        var cancelled = await cancelling.FinalAsync("CANCEL");
        recorder.Directory.Gate.SetResult();
        var invite = await inviting.FinalAsync();

        Assert.Equal(200, cancelled.StatusCode);
        Assert.Equal(487, invite.StatusCode);
        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Fact]
    public async Task Cancel_AfterThe200_Gets200AndTheSessionGoesOn()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        var branch = client.NewBranch();
        await client.SendAsync(Siprec.Invite(client, sipCallId, branch, callId));
        var ok = await client.FinalAsync();
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));

        await client.SendAsync(client.Request("CANCEL", sipCallId, 1, branch));
        var cancelled = await client.FinalAsync("CANCEL");

        Assert.Equal(200, cancelled.StatusCode);
        Assert.Equal(1, recorder.Server.Sessions.Count);
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);
        Assert.True((await recorder.Catalog.FinishedOneAsync()).Complete);
    }

    [Fact]
    public async Task Cancel_ForNoKnownTransaction_Gets481()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);

        await client.SendAsync(client.Request("CANCEL", "nobody@src", 1, client.NewBranch()));

        Assert.Equal(481, (await client.FinalAsync("CANCEL")).StatusCode);
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP")]
    public async Task Options_Gets200WithAllowAcceptAndSupported(string transport)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = await SipTestClient.OpenAsync(transport, recorder.Port);

        await client.SendAsync(client.Request("OPTIONS", "options@src", 1, client.NewBranch()));
        var ok = await client.FinalAsync("OPTIONS");

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS", ok.Header("Allow"));
        Assert.Contains("application/sdp", ok.Header("Accept"), StringComparison.Ordinal);
        Assert.Contains("multipart/mixed", ok.Header("Accept"), StringComparison.Ordinal);
        Assert.Contains("application/rs-metadata+xml", ok.Header("Accept"), StringComparison.Ordinal);
        Assert.Equal("siprec", ok.Header("Supported"));
    }

    [Theory]
    [InlineData("REGISTER", 405)]
    [InlineData("SUBSCRIBE", 405)]
    [InlineData("FROBNICATE", 501)]
    public async Task OtherMethods_AreRefusedWithAllow(string method, int status)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);

        await client.SendAsync(client.Request(method, "other@src", 1, client.NewBranch()));
        var refused = await client.FinalAsync(method);

        Assert.Equal(status, refused.StatusCode);
        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS", refused.Header("Allow"));
    }

    [Fact]
    public async Task Bye_WhileTheRecordingsRegistrationIsPending_WaitsAndKeepsTheAudio()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        recorder.Catalog.RegistrationGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await SipTestClient.TcpAsync(recorder.Port);
        var sipCallId = Guid.NewGuid().ToString("N") + "@src";
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using (var rtp = new RtpSender(Siprec.Answer(ok)))
        {
            await rtp.SendAsync(25);
            await recorder.DeliveredAsync(rtp.Sent);
        }

        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);
        Assert.Empty(recorder.Catalog.Finished);
        recorder.Catalog.RegistrationGate.SetResult();

        var finished = await recorder.Catalog.FinishedOneAsync();
        Assert.True(finished.Complete);
        // Where the first packet lands depends on how soon it followed the INVITE; that the half second of audio is there does not.
        var channels = recorder.Channels(recorder.Catalog.Started[0]);
        AssertTones(channels, 0, channels[0].Length);
    }

    /// <summary>
    /// Each channel carries its own stream's tone and never the other's: looked at in 50 ms blocks, enough
    /// blocks hold the tone (a loaded machine may lose some packets) and none holds the other stream's.
    /// </summary>
    internal static void AssertTones(short[][] channels, int from, int to, int atLeastBlocks = 4)
    {
        const int Block = 400;
        for (var s = 0; s < channels.Length; s++)
        {
            var toned = 0;
            for (var at = from; at + Block <= to; at += Block)
            {
                var block = channels[s].AsSpan(at, Block);
                var own = ToneDetector.Power(block, ManualCall.Tones[s], 8000);
                var other = ToneDetector.Power(block, ManualCall.Tones[1 - s], 8000);
                toned += own > 0.02 ? 1 : 0;
                Assert.True(other < 0.005, $"channel {s}: the other stream's tone in frames {at}..{at + Block} ({other})");
            }

            Assert.True(toned >= atLeastBlocks, $"channel {s}: only {toned} blocks of 50 ms with its tone in frames {from}..{to}");
        }
    }

    /// <summary>Whole milliseconds from one of the test's own timestamps to another (cut down, as the recorder's spans are).</summary>
    internal static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static async Task<SessionDescription> ReInviteAsync(SipTestClient client, string sipCallId, int cseq, string toTag, string direction)
    {
        await client.SendAsync(client.Request(
            "INVITE", sipCallId, cseq, client.NewBranch(), toTag: toTag, contentType: Siprec.Multipart,
            body: Siprec.Body(Siprec.Sdp(direction, version: cseq), Siprec.Metadata(null))));
        SipMessage ok;
        do
        {
            ok = await client.FinalAsync();
        }
        while (ok.CSeq.Number != cseq);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(toTag, ok.ToTag);
        await client.SendAsync(client.Request("ACK", sipCallId, cseq, client.NewBranch(), toTag: toTag));
        return Siprec.Answer(ok);
    }
}
