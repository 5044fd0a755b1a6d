using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Sip;
using Calltrail.TestKit.Time;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>
/// Who may record (Recorder:AllowedSources), how much one source may hold, and what ends a session that
/// sends nothing. Other sources are other 127.x addresses: on Linux all of 127/8 is local.
/// </summary>
public class SiprecFrontDoorTests
{
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task Invite_OverUdpFromASourceNotAllowed_Gets403AndNoSessionNorPort()
    {
        await using var recorder = await SiprecHarness.StartAsync(o => o.AllowedSources = ["127.0.0.1/32"]);
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var stranger = SipTestClient.Udp(recorder.Port, Stranger);

        await stranger.SendAsync(Siprec.Invite(stranger, "guess@stranger", stranger.NewBranch(), callId));
        var refused = await stranger.FinalAsync();
        await stranger.SendAsync(stranger.Request("OPTIONS", "ping@stranger", 1, stranger.NewBranch()));
        var options = await stranger.FinalAsync("OPTIONS");

        Assert.Equal((403, "Forbidden"), (refused.StatusCode, refused.ReasonPhrase));
        Assert.Contains("Recorder:AllowedSources", refused.Header("Warning"), StringComparison.Ordinal);
        Assert.NotNull(refused.ToTag);
        Assert.Equal(403, options.StatusCode);
        Assert.Equal(0, recorder.Server.Sessions.Count);
        Assert.Equal((0, 0), recorder.Server.Sessions.FrontDoor.Quotas.Of(Stranger));
        Assert.Empty(recorder.Catalog.Started);
        Assert.False(recorder.Directory.LookedUp.Task.IsCompleted, "the call was looked up for a source not allowed");

        // The real client, allowed, records the call the stranger guessed.
        await using var client = SipTestClient.Udp(recorder.Port);
        await client.SendAsync(Siprec.Invite(client, "real@src", client.NewBranch(), callId));
        Assert.Equal(200, (await client.FinalAsync()).StatusCode);
    }

    [Fact]
    public async Task TcpConnection_FromASourceNotAllowed_IsClosedUnreadAndUnanswered()
    {
        await using var recorder = await SiprecHarness.StartAsync(o => o.AllowedSources = ["127.0.0.1/32"]);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        stranger.Bind(new IPEndPoint(Stranger, 0));
        stranger.ReceiveTimeout = (int)SipTestClient.Patience.TotalMilliseconds;

        // Nothing sent: the recorder must not wait for a request to hang up. The timeout only bounds a failure.
        // The reset may even come before the connect is reported done: then the connect says so.
        int read;
        try
        {
            await stranger.ConnectAsync(new IPEndPoint(IPAddress.Loopback, recorder.Port));
            read = stranger.Receive(new byte[1024]);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            read = 0;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            Assert.Fail($"the stranger's connection is still open after {SipTestClient.Patience}");
            return;
        }

        Assert.Equal(0, read);
        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Fact]
    public async Task Options_FromAnAllowedSource_IsAnswered200()
    {
        await using var recorder = await SiprecHarness.StartAsync(o => o.AllowedSources = ["127.0.0.0/30", "2001:db8::/32"]);
        await using var client = SipTestClient.Udp(recorder.Port, IPAddress.Parse("127.0.0.2"));

        await client.SendAsync(client.Request("OPTIONS", "ping@src", 1, client.NewBranch()));

        Assert.Equal(200, (await client.FinalAsync("OPTIONS")).StatusCode);
    }

    [Fact]
    public async Task Invite_PastTheSourcesSessionLimit_Gets503WithRetryAfterWhileAnotherSourceIsAnswered()
    {
        await using var recorder = await SiprecHarness.StartAsync(o => o.MaxSessionsPerSource = 1);
        await using var busy = SipTestClient.Udp(recorder.Port);
        await using var other = SipTestClient.Udp(recorder.Port, Stranger);
        var first = await InviteAsync(recorder, busy);

        var second = await InviteAsync(recorder, busy);
        var elsewhere = await InviteAsync(recorder, other);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(503, second.StatusCode);
        Assert.Equal("5", second.Header("Retry-After"));
        Assert.Contains("Recorder:MaxSessionsPerSource", second.Header("Warning"), StringComparison.Ordinal);
        Assert.Equal(200, elsewhere.StatusCode);
        Assert.Equal(2, recorder.Server.Sessions.Count);

        // The first session's end gives its place back.
        await busy.SendAsync(busy.Request("BYE", first.CallId, 2, busy.NewBranch(), toTag: first.ToTag));
        Assert.Equal(200, (await busy.FinalAsync("BYE")).StatusCode);
        Assert.Equal(200, (await InviteAsync(recorder, busy)).StatusCode);
    }

    [Fact]
    public async Task Invite_PastTheSourcesPortLimit_Gets503WithRetryAfter()
    {
        // Each session takes two ports: a second would hold four.
        await using var recorder = await SiprecHarness.StartAsync(o => o.MaxRtpPortsPerSource = 3);
        await using var client = SipTestClient.Udp(recorder.Port);

        Assert.Equal(200, (await InviteAsync(recorder, client)).StatusCode);
        var full = await InviteAsync(recorder, client);

        Assert.Equal(503, full.StatusCode);
        Assert.Equal("5", full.Header("Retry-After"));
        Assert.Contains("Recorder:MaxRtpPortsPerSource", full.Header("Warning"), StringComparison.Ordinal);
        Assert.Equal((1, 2), recorder.Server.Sessions.FrontDoor.Quotas.Of(IPAddress.Loopback));
    }

    [Fact]
    public async Task Session_WithoutMediaPastTheTimeout_IsEndedAsNormalAndItsPortsFreed()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow()); // the plans say the calls connected a minute before the real now
        await using var recorder = await SiprecHarness.StartAsync(o => o.NoMediaTimeout = TimeSpan.FromSeconds(10), clock);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client);
        await client.SendAsync(client.Request("ACK", ok.CallId, 1, client.NewBranch(), toTag: ok.ToTag));
        var ports = Siprec.Answer(ok).Media.Select(m => m.Port).ToList();

        clock.Advance(TimeSpan.FromSeconds(9));
        await recorder.Server.Sessions.TickAsync();
        Assert.Equal(1, recorder.Server.Sessions.Count);
        clock.Advance(TimeSpan.FromSeconds(2));
        await recorder.Server.Sessions.TickAsync();

        Assert.Equal(0, recorder.Server.Sessions.Count);
        Assert.True((await recorder.Catalog.FinishedOneAsync()).Complete);
        Assert.Equal((0, 0), recorder.Server.Sessions.FrontDoor.Quotas.Of(IPAddress.Loopback));
        await Eventually.TrueAsync(() => ports.All(Bindable), "the session's RTP ports free again");
    }

    [Fact]
    public async Task Session_WithMedia_IsKeptWhileItFlowsAndEndedWhenItStops()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow()); // the plans say the calls connected a minute before the real now
        await using var recorder = await SiprecHarness.StartAsync(o => o.NoMediaTimeout = TimeSpan.FromSeconds(10), clock);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client);
        await client.SendAsync(client.Request("ACK", ok.CallId, 1, client.NewBranch(), toTag: ok.ToTag));

        clock.Advance(TimeSpan.FromSeconds(8));
        using (var rtp = new RtpSender(Siprec.Answer(ok)))
        {
            await rtp.SendAsync(5);
            await recorder.DeliveredAsync(rtp.Sent);
        }

        clock.Advance(TimeSpan.FromSeconds(8));
        await recorder.Server.Sessions.TickAsync();
        Assert.Equal(1, recorder.Server.Sessions.Count);
        clock.Advance(TimeSpan.FromSeconds(3));
        await recorder.Server.Sessions.TickAsync();

        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Fact]
    public async Task Session_OnHold_OutlivesTheNoMediaTimeoutUntilTheIdleTimeout()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow()); // the plans say the calls connected a minute before the real now
        await using var recorder = await SiprecHarness.StartAsync(
            o => (o.NoMediaTimeout, o.IdleTimeout) = (TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)), clock);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client, Siprec.Sdp("inactive"));
        await client.SendAsync(client.Request("ACK", ok.CallId, 1, client.NewBranch(), toTag: ok.ToTag));

        clock.Advance(TimeSpan.FromMinutes(4));
        await recorder.Server.Sessions.TickAsync();
        Assert.Equal(1, recorder.Server.Sessions.Count);

        // Off hold: media is due from the re-INVITE, not from the start of the session.
        await client.SendAsync(client.Request(
            "INVITE", ok.CallId, 2, client.NewBranch(), toTag: ok.ToTag, contentType: Siprec.Multipart,
            body: Siprec.Body(Siprec.Sdp(version: 2), Siprec.Metadata(null))));
        Assert.Equal(200, (await client.FinalAsync()).StatusCode);
        await client.SendAsync(client.Request("ACK", ok.CallId, 2, client.NewBranch(), toTag: ok.ToTag));
        clock.Advance(TimeSpan.FromSeconds(9));
        await recorder.Server.Sessions.TickAsync();
        Assert.Equal(1, recorder.Server.Sessions.Count);
        clock.Advance(TimeSpan.FromSeconds(2));
        await recorder.Server.Sessions.TickAsync();

        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Fact]
    public async Task Session_OnHold_IsEndedAfterTheIdleTimeout()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow()); // the plans say the calls connected a minute before the real now
        await using var recorder = await SiprecHarness.StartAsync(o => o.NoMediaTimeout = TimeSpan.FromSeconds(10), clock);
        await using var client = SipTestClient.Udp(recorder.Port);
        var ok = await InviteAsync(recorder, client, Siprec.Sdp("inactive"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.SendAsync(client.Request("ACK", ok.CallId, 1, client.NewBranch(), toTag: ok.ToTag));
        // The ACK is SIP too: idle counts from it, once it has been heard.
        var acked = clock.GetTimestamp();
        await Eventually.TrueAsync(() => recorder.Server.Sessions.Sessions[0].LastSignalTimestamp == acked, "the ACK heard");

        clock.Advance(recorder.Options.IdleTimeout);
        await recorder.Server.Sessions.TickAsync();
        Assert.Equal(1, recorder.Server.Sessions.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        await recorder.Server.Sessions.TickAsync();

        Assert.Equal(0, recorder.Server.Sessions.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invite_ForACallRecordedFromAnotherSource_Gets486AndTheFirstKeepsRecording(bool callKnown)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        if (callKnown)
        {
            recorder.Directory.Recording(callId);
        }

        await using var first = SipTestClient.Udp(recorder.Port);
        await using var second = SipTestClient.Udp(recorder.Port, Stranger);
        var ok = await InviteAsync(recorder, first, callId: callId);
        await first.SendAsync(first.Request("ACK", ok.CallId, 1, first.NewBranch(), toTag: ok.ToTag));
        var recording = Assert.Single(recorder.Server.Sessions.Sessions);

        var refused = await InviteAsync(recorder, second, callId: callId);

        Assert.Equal(486, refused.StatusCode);
        Assert.Contains($"call {callId} is already being recorded from another source", refused.Header("Warning"), StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", refused.Header("Warning"), StringComparison.Ordinal);
        Assert.Same(recording, Assert.Single(recorder.Server.Sessions.Sessions));
        using var rtp = new RtpSender(Siprec.Answer(ok));
        await rtp.SendAsync(5);
        await recorder.DeliveredAsync(rtp.Sent);
    }

    private static async Task<SipMessage> InviteAsync(SiprecHarness recorder, SipTestClient client, string? sdp = null, string? callId = null)
    {
        if (callId is null)
        {
            callId = "call-" + Guid.NewGuid().ToString("N");
            recorder.Directory.Recording(callId);
        }

        await client.SendAsync(Siprec.Invite(client, Guid.NewGuid().ToString("N") + "@src", client.NewBranch(), callId, sdp));
        return await client.FinalAsync();
    }

    private static bool Bindable(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
