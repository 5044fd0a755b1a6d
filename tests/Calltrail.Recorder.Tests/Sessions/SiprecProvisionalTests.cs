using System.Diagnostics;
using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>A session for a call the service has not heard of yet: held in memory, kept or discarded by the service's first word.</summary>
public class SiprecProvisionalTests
{
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Provisional_CallLinkedRecordingWithinTheHold_RecordingKeepsTheAudioFromTheSessionStart()
    {
        // The longest hold there is: what this test shows is the link within the hold, and however long a loaded machine
        // takes between the INVITE and the instruction it stays within it (the hold's expiry is the manual-clock tests' job).
        await using var recorder = await SiprecHarness.StartAsync(o => o.ProvisionalHold = TimeSpan.FromSeconds(30));
        var callId = "late-" + Guid.NewGuid().ToString("N");
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = callId + "@src";
        var (invited, inviting) = (DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        var (answered, answering) = (DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
        Assert.Equal(200, ok.StatusCode);
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using var rtp = new RtpSender(Siprec.Answer(ok));
        await rtp.SendAsync(40);
        await recorder.DeliveredAsync(rtp.Sent); // all of it is held while the call is unknown
        Assert.Empty(recorder.Catalog.Started);
        Assert.Empty(Directory.EnumerateFiles(recorder.Files.Directory, "*", SearchOption.AllDirectories));

        recorder.Server.Apply(Plans.Of(callId, "tenant-b", AudioState.Recording));
        await rtp.SendAsync(20);
        await recorder.DeliveredAsync(rtp.Sent);
        var ending = Stopwatch.GetTimestamp();
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);

        var finished = await recorder.Catalog.FinishedOneAsync();
        var reported = Stopwatch.GetTimestamp();
        var started = Assert.Single(recorder.Catalog.Started);
        Assert.Equal((callId, "tenant-b"), (started.CallId, started.Tenant));
        // The recording starts where the session did (between the INVITE and its 200), not at the instruction.
        // The slack is only for the wall clock against the monotonic one the recorder measures with.
        Assert.InRange(started.StartedAt, invited - ClockSlack, answered + ClockSlack);
        Assert.True(finished.Complete);
        Assert.InRange(finished.DurationMs, SiprecCallTests.Ms(answering, ending) - 1, SiprecCallTests.Ms(inviting, reported));
        // The audio from before the service knew the call is there: 40 packets (16 blocks of 50 ms) were held,
        // only 20 (8 blocks, 9 at most once cut into blocks) came after the instruction — more than 9 toned blocks
        // show the held audio was kept, wherever on the timeline the first packet landed.
        var channels = recorder.Channels(started);
        SiprecCallTests.AssertTones(channels, 0, channels[0].Length, atLeastBlocks: 12);
    }

    [Theory]
    [InlineData(AudioState.NotRecording)]
    public async Task Provisional_CallLinkedNotRecorded_NothingRegisteredNothingOnDisk(AudioState state)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "late-" + Guid.NewGuid().ToString("N");
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = callId + "@src";
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using var rtp = new RtpSender(Siprec.Answer(ok));
        await rtp.SendAsync(25);
        await recorder.DeliveredAsync(rtp.Sent); // held, for a call still unknown

        recorder.Server.Apply(Plans.Of(callId, "tenant-b", state));
        await rtp.SendAsync(25);
        await recorder.DeliveredAsync(rtp.Sent); // arrived after the word not to record
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);

        // The 200 goes out before the session is closed.
        await Eventually.TrueAsync(() => recorder.Server.Sessions.Count == 0, "the session closed");
        Assert.Empty(recorder.Catalog.Started);
        Assert.Empty(recorder.Catalog.Finished);
        Assert.Empty(Directory.EnumerateFiles(recorder.Files.Directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Provisional_InstructionForAnotherCall_LeavesTheSessionWaiting()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "late-" + Guid.NewGuid().ToString("N");
        await using var client = SipTestClient.Udp(recorder.Port);
        await client.SendAsync(Siprec.Invite(client, callId + "@src", client.NewBranch(), callId));
        Assert.Equal(200, (await client.FinalAsync()).StatusCode);

        recorder.Server.Apply(Plans.Of("some-other-call", null, AudioState.Recording));

        var session = Assert.Single(recorder.Server.Sessions.Sessions);
        Assert.Null(session.CallId);
        Assert.Empty(recorder.Catalog.Started);
    }
}
