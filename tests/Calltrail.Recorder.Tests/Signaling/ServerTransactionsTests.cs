using System.Net;
using System.Text;
using Calltrail.Recorder.Signaling;
using Calltrail.Recorder.Sip;
using Calltrail.TestKit.Time;

namespace Calltrail.Recorder.Tests.Signaling;

public class ServerTransactionsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50); // the recorder's tick

    [Theory]
    [InlineData("INVITE", 200)]
    [InlineData("INVITE", 486)]
    [InlineData("BYE", 200)]
    [InlineData("OPTIONS", 200)]
    public async Task Find_RetransmittedRequest_GetsTheIdenticalCachedResponse(string method, int status)
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer();
        var transaction = transactions.Begin(Request(method), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, status, "Whatever").WithToTag("t1"), status, time.GetTimestamp());

        var again = transactions.Find(Request(method));
        Assert.Same(transaction, again);
        await again!.ResendAsync();

        Assert.Equal(2, peer.Sent.Count);
        Assert.Equal(peer.Sent[0], peer.Sent[1]);
        Assert.Equal(status, SipParser.Parse(peer.Sent[1]).Message!.StatusCode);
    }

    [Fact]
    public async Task Find_RetransmissionBeforeAnyResponse_SendsNothing()
    {
        var transactions = new ServerTransactions(new ManualTimeProvider());
        var peer = new FakePeer();
        transactions.Begin(Request("INVITE"), peer);

        await transactions.Find(Request("INVITE"))!.ResendAsync();

        Assert.Empty(peer.Sent);
    }

    [Fact]
    public async Task Find_ProvisionalThenFinal_RetransmissionGetsTheFinal()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer();
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 100, "Trying"), 100, time.GetTimestamp());
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp());

        await transactions.Find(Request("INVITE"))!.ResendAsync();

        Assert.Equal([100, 200, 200], peer.Sent.Select(b => SipParser.Parse(b).Message!.StatusCode));
    }

    [Fact]
    public async Task RespondAsync_SecondFinalResponse_IsIgnoredAndTheFirstStays()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer();
        var transaction = transactions.Begin(Request("INVITE"), peer);

        Assert.True(await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp()));
        Assert.False(await transaction.RespondAsync(SipResponse.To(transaction.Request, 487, "Request Terminated"), 487, time.GetTimestamp()));
        await transaction.ResendAsync();

        Assert.Equal(200, transaction.FinalStatus);
        Assert.Equal([200, 200], peer.Sent.Select(b => SipParser.Parse(b).Message!.StatusCode));
    }

    [Theory]
    [InlineData("z9hG4bK-other", "INVITE")] // another transaction
    [InlineData("z9hG4bK-1", "BYE")]        // same branch, other method
    public void Find_OtherBranchOrMethod_IsANewTransaction(string branch, string method)
    {
        var transactions = new ServerTransactions(new ManualTimeProvider());
        transactions.Begin(Request("INVITE"), new FakePeer());

        Assert.Null(transactions.Find(Request(method, branch: branch)));
    }

    [Fact]
    public void Find_Rfc2543BranchWithoutMagicCookie_MatchesByCallIdAndCSeq()
    {
        var transactions = new ServerTransactions(new ManualTimeProvider());
        var first = transactions.Begin(Request("INVITE", branch: "old1"), new FakePeer());

        Assert.Same(first, transactions.Find(Request("INVITE", branch: "old2")));
        Assert.Null(transactions.Find(Request("INVITE", branch: "old1", cseq: 2)));
    }

    [Fact]
    public void FindInvite_CancelOrAckWithTheInvitesBranch_FindsTheInvite()
    {
        var transactions = new ServerTransactions(new ManualTimeProvider());
        var invite = transactions.Begin(Request("INVITE"), new FakePeer());

        Assert.Same(invite, transactions.FindInvite(Request("CANCEL")));
        Assert.Same(invite, transactions.FindInvite(Request("ACK")));
        Assert.Null(transactions.FindInvite(Request("CANCEL", branch: "z9hG4bK-unknown")));
    }

    [Fact]
    public async Task Sweep_2xxToInviteOverUdpNeverAcknowledged_ResentAtT1DoublingToT2ThenReportedAfter64T1()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer(time);
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp());
        var reported = new List<(double AtMs, ServerTransaction Transaction)>();

        while (time.GetTimestamp() < TimeSpan.FromSeconds(40).Ticks)
        {
            time.Advance(Step);
            reported.AddRange((await transactions.SweepAsync()).Select(t => (time.GetUtcNow().Subtract(time.Start).TotalMilliseconds, t)));
        }

        // RFC 3261 §13.3.1.4: T1, then doubling (2·T1, 4·T1) until T2 (4 s), every T2 after that.
        double[] expected = [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500];
        Assert.Equal(expected, peer.SentAtMs);
        Assert.All(peer.Sent, b => Assert.Equal(peer.Sent[0], b));
        var (atMs, gaveUp) = Assert.Single(reported);
        Assert.Same(transaction, gaveUp);
        Assert.InRange(atMs, SipTimers.Lifetime.TotalMilliseconds, SipTimers.Lifetime.TotalMilliseconds + Step.TotalMilliseconds);
        Assert.Equal(0, transactions.Count);
    }

    [Fact]
    public async Task Acknowledge_AckForThe2xx_StopsRetransmissionAndIsNotReported()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer(time);
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp());
        var reported = new List<ServerTransaction>();
        await Sweep(transactions, time, TimeSpan.FromMilliseconds(1600), reported);

        // The ACK for a 2xx is its own transaction (new branch), matched by Call-ID and CSeq number.
        transactions.Acknowledge(Request("ACK", branch: "z9hG4bK-ack"));
        await Sweep(transactions, time, TimeSpan.FromSeconds(40), reported);

        Assert.Equal([0, 500, 1500], peer.SentAtMs);
        Assert.Empty(reported);
    }

    [Theory]
    [InlineData("other-call@client", 1)]
    [InlineData("call-1@client", 2)]
    public async Task Acknowledge_AckOfAnotherCallOrCSeq_DoesNotStopRetransmission(string callId, int cseq)
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer(time);
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp());

        transactions.Acknowledge(Request("ACK", branch: "z9hG4bK-ack", callId: callId, cseq: cseq));
        var reported = new List<ServerTransaction>();
        await Sweep(transactions, time, TimeSpan.FromSeconds(40), reported);

        Assert.Equal(11, peer.Sent.Count);
        Assert.Single(reported);
    }

    [Fact]
    public async Task Sweep_Non2xxFinal_IsNotRetransmittedAndTheAckWithTheInvitesBranchIsAbsorbed()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer(time);
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 486, "Busy Here").WithToTag("t1"), 486, time.GetTimestamp());

        var ack = Request("ACK");
        Assert.Same(transaction, transactions.FindInvite(ack)); // RFC 3261 §17.2.3: the ACK for a non-2xx carries the INVITE's branch
        transactions.Acknowledge(ack);
        var reported = new List<ServerTransaction>();
        await Sweep(transactions, time, TimeSpan.FromSeconds(40), reported);

        Assert.Single(peer.Sent);
        Assert.Empty(reported);
    }

    [Fact]
    public async Task Sweep_2xxOverTcp_IsNeverRetransmitted()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var peer = new FakePeer(time, reliable: true);
        var transaction = transactions.Begin(Request("INVITE"), peer);
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK").WithToTag("t1"), 200, time.GetTimestamp());
        var reported = new List<ServerTransaction>();

        await Sweep(transactions, time, TimeSpan.FromSeconds(40), reported);

        Assert.Single(peer.Sent);
        Assert.Empty(reported);
        Assert.Equal(0, transactions.Count);
    }

    [Fact]
    public async Task Sweep_NonInviteTransaction_IsForgottenAfterItsLifetime()
    {
        var time = new ManualTimeProvider();
        var transactions = new ServerTransactions(time);
        var transaction = transactions.Begin(Request("BYE"), new FakePeer(time));
        await transaction.RespondAsync(SipResponse.To(transaction.Request, 200, "OK"), 200, time.GetTimestamp());
        var reported = new List<ServerTransaction>();

        await Sweep(transactions, time, SipTimers.Lifetime - Step, reported);
        Assert.NotNull(transactions.Find(Request("BYE")));
        await Sweep(transactions, time, Step * 3, reported);

        Assert.Null(transactions.Find(Request("BYE")));
        Assert.Empty(reported);
    }

    private static async Task Sweep(ServerTransactions transactions, ManualTimeProvider time, TimeSpan duration, List<ServerTransaction> reported)
    {
        var until = time.GetTimestamp() + duration.Ticks;
        while (time.GetTimestamp() < until)
        {
            time.Advance(Step);
            reported.AddRange(await transactions.SweepAsync());
        }
    }

    private static SipMessage Request(string method, string branch = "z9hG4bK-1", string callId = "call-1@client", int cseq = 1)
    {
        var text = $"{method} sip:srs@127.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:5070;branch={branch}\r\n"
            + "From: <sip:src@127.0.0.1>;tag=src1\r\n"
            + "To: <sip:srs@127.0.0.1>\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq} {method}\r\n"
            + "Content-Length: 0\r\n\r\n";
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(parsed.IsSuccess, parsed.ToString());
        return parsed.Message;
    }

    private sealed class FakePeer(TimeProvider? time = null, bool reliable = false) : SipPeer
    {
        private readonly Lock gate = new();

        public List<byte[]> Sent { get; } = [];

        public List<double> SentAtMs { get; } = [];

        public override string Transport => reliable ? "TCP" : "UDP";

        public override IPEndPoint Remote { get; } = new(IPAddress.Loopback, 5070);

        public override IPEndPoint Local { get; } = new(IPAddress.Loopback, 5060);

        public override bool IsReliable => reliable;

        public override ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                Sent.Add(message.ToArray());
                SentAtMs.Add(time is ManualTimeProvider manual ? (manual.GetUtcNow() - manual.Start).TotalMilliseconds : 0);
            }

            return ValueTask.CompletedTask;
        }
    }
}
