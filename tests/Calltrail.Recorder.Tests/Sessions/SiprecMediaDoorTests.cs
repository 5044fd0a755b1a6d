using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Media;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Tests.Live;
using Calltrail.TestKit.Time;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>
/// Whose RTP a session's ports take: only Recorder:AllowedSources', and on each stream only its first
/// sender's since the last offer. Other senders are other 127.x addresses (on Linux all of 127/8 is local).
/// </summary>
public class SiprecMediaDoorTests
{
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task Rtp_FromASourceNotAllowed_IsDroppedCountedAndNotRecorded()
    {
        await using var recorder = await SiprecHarness.StartAsync(o => o.AllowedSources = ["127.0.0.1/32"]);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client);
        var answer = Siprec.Answer(ok);

        var session = Assert.Single(recorder.Server.Sessions.Sessions);
        using (var rtp = new RtpSender(answer))
        {
            await rtp.SendAsync(50);
            await recorder.DeliveredAsync(rtp.Sent);
        }

        // Then a stranger, each stream in the other stream's tone: in the recording it would be heard where it must not.
        using (var stranger = new RtpSender(answer, Stranger, swapTones: true, ssrc: 0xBAD00000))
        {
            await stranger.SendAsync(25);
            await Eventually.TrueAsync(() => session.Receivers.All(r => r!.Packets + r.RefusedPackets >= 75), "the stranger's RTP handled");
        }

        await client.SendAsync(client.Request("BYE", ok.CallId, 2, client.NewBranch(), toTag: ok.ToTag));
        Assert.Equal(200, (await client.FinalAsync("BYE")).StatusCode);
        Assert.True((await recorder.Catalog.FinishedOneAsync()).Complete);
        var channels = recorder.Channels(Assert.Single(recorder.Catalog.Started));

        SiprecCallTests.AssertTones(channels, 0, channels[0].Length);
        Assert.All(session.Receivers, r => Assert.Equal((50L, 25L), (r!.Packets, r.RefusedPackets)));
    }

    [Fact]
    public async Task Session_WithOnlyAStrangersRtp_IsStillEndedByTheNoMediaTimeout()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow()); // the plans say the calls connected a minute before the real now
        await using var recorder = await SiprecHarness.StartAsync(
            o => (o.AllowedSources, o.NoMediaTimeout) = (["127.0.0.1/32"], TimeSpan.FromSeconds(10)), clock);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client);
        var session = Assert.Single(recorder.Server.Sessions.Sessions);

        clock.Advance(TimeSpan.FromSeconds(8));
        await SendAsync(Stranger, Siprec.Answer(ok), packets: 5);
        await Eventually.TrueAsync(() => session.Receivers.All(r => r!.Packets + r.RefusedPackets >= 5), "the stranger's RTP handled");
        clock.Advance(TimeSpan.FromSeconds(3));
        await recorder.Server.Sessions.TickAsync();

        Assert.Equal(0, recorder.Server.Sessions.Count);
        Assert.All(session.Receivers, r => Assert.Equal(0, r!.Packets));
    }

    [Fact]
    public async Task Rtp_FromAnotherAllowedSender_IsDroppedUntilANewOfferLetsTheStreamLatchAgain()
    {
        await using var recorder = await SiprecHarness.StartAsync(); // all of loopback allowed
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client);
        var answer = Siprec.Answer(ok);
        var session = Assert.Single(recorder.Server.Sessions.Sessions);
        using (var rtp = new RtpSender(answer))
        {
            await rtp.SendAsync(5);
            await recorder.DeliveredAsync(rtp.Sent);
        }

        var other = IPAddress.Parse("127.0.0.2");
        await SendAsync(other, answer, packets: 5, firstIndex: 5);
        await Eventually.TrueAsync(() => session.Receivers.All(r => r!.Packets + r.RefusedPackets >= 10), "the other sender's RTP handled");
        Assert.All(session.Receivers, r => Assert.Equal((5L, 5L), (r!.Packets, r.RefusedPackets)));

        // A re-INVITE: the client may send from elsewhere now, and the next sender is the stream's.
        await client.SendAsync(client.Request(
            "INVITE", ok.CallId, 2, client.NewBranch(), toTag: ok.ToTag, contentType: Siprec.Multipart,
            body: Siprec.Body(Siprec.Sdp(version: 2), Siprec.Metadata(null))));
        Assert.Equal(200, (await client.FinalAsync()).StatusCode);
        await SendAsync(other, answer, packets: 5, firstIndex: 10);
        await Eventually.TrueAsync(() => session.Receivers.All(r => r!.Packets + r.RefusedPackets >= 15), "the moved sender's RTP handled");

        Assert.All(session.Receivers, r => Assert.Equal((10L, 5L), (r!.Packets, r.RefusedPackets)));
    }

    private static async Task<SipMessage> InviteAsync(SiprecHarness recorder, SipTestClient client)
    {
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await client.SendAsync(Siprec.Invite(client, Guid.NewGuid().ToString("N") + "@src", client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        Assert.Equal(200, ok.StatusCode);
        await client.SendAsync(client.Request("ACK", ok.CallId, 1, client.NewBranch(), toTag: ok.ToTag));
        return ok;
    }

    /// <summary>Packets of every stream from another address, at once (placed by their timestamps, they need no pacing).</summary>
    private static async Task SendAsync(IPAddress from, SessionDescription answer, int packets, int firstIndex = 0, bool swapTones = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(from, 0));
        for (var index = firstIndex; index < firstIndex + packets; index++)
        {
            for (var s = 0; s < answer.Media.Count; s++)
            {
                var packet = ManualCall.PacketOf(swapTones ? 1 - s : s, index, ssrc: 0xBAD00000);
                await socket.SendToAsync(packet, SocketFlags.None, new IPEndPoint(IPAddress.Loopback, answer.Media[s].Port));
            }
        }
    }
}
