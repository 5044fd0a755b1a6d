using Calltrail.Live;
using Calltrail.Recorder.Control;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>A session for a call the service has not heard of yet: held in memory, kept or discarded by the service's first word.</summary>
public class SiprecProvisionalTests
{
    [Fact]
    public async Task Provisional_CallLinkedRecordingWithinTheHold_RecordingKeepsTheAudioFromTheSessionStart()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "late-" + Guid.NewGuid().ToString("N");
        await using var client = SipTestClient.Udp(recorder.Port);
        var sipCallId = callId + "@src";
        var invited = DateTimeOffset.UtcNow;
        await client.SendAsync(Siprec.Invite(client, sipCallId, client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        Assert.Equal(200, ok.StatusCode);
        await client.SendAsync(client.Request("ACK", sipCallId, 1, client.NewBranch(), toTag: ok.ToTag));
        using var rtp = new RtpSender(Siprec.Answer(ok));
        await rtp.SendAsync(40);
        Assert.Empty(recorder.Catalog.Started);
        Assert.Empty(Directory.EnumerateFiles(recorder.Files.Directory, "*", SearchOption.AllDirectories));

        recorder.Server.Apply(Plans.Of(callId, "tenant-b", AudioState.Recording));
        await rtp.SendAsync(20);
        await Task.Delay(100);
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);

        var finished = await recorder.Catalog.FinishedOneAsync();
        var started = Assert.Single(recorder.Catalog.Started);
        Assert.Equal((callId, "tenant-b"), (started.CallId, started.Tenant));
        Assert.InRange(started.StartedAt, invited.AddSeconds(-1), invited.AddSeconds(1));
        Assert.True(finished.Complete);
        Assert.InRange(finished.DurationMs, 1000, 4000);
        // The audio from before the service knew the call is there: the first 600 ms carry the tones.
        SiprecCallTests.AssertTones(recorder.Channels(started), 0, 4800);
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

        recorder.Server.Apply(Plans.Of(callId, "tenant-b", state));
        await rtp.SendAsync(25);
        await client.SendAsync(client.Request("BYE", sipCallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);

        await Eventually(() => recorder.Server.Sessions.Count == 0); // the 200 goes out before the session is closed
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

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + SipTestClient.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
