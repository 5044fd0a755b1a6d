using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Signaling;

/// <summary>
/// One request being answered (RFC 3261 §17.2): it remembers its last response so a retransmitted
/// request gets the same answer, and — for an INVITE answered 2xx over UDP — keeps resending the 2xx
/// until the ACK arrives (§13.3.1.4).
/// </summary>
public sealed class ServerTransaction(SipMessage request, SipPeer peer, long startedTimestamp)
{
    private readonly Lock gate = new();
    private byte[]? lastResponse;

    public SipMessage Request { get; } = request;

    public SipPeer Peer { get; } = peer;

    public bool IsInvite => Request.Method == "INVITE";

    /// <summary>The final status sent, or 0 while only provisional responses (or none) went out.</summary>
    public int FinalStatus { get; private set; }

    /// <summary>Cancelled by a CANCEL that arrived before the final response.</summary>
    public CancellationTokenSource Cancelled { get; } = new();

    public long StartedTimestamp { get; } = startedTimestamp;

    internal long LastSentTimestamp { get; private set; }

    internal TimeSpan RetransmitInterval { get; private set; } = SipTimers.T1;

    /// <summary>Set when the ACK for a 2xx arrived: retransmission stops.</summary>
    internal bool Acknowledged { get; set; }

    internal bool RetransmitsFinal => IsInvite && FinalStatus is >= 200 and < 300 && !Peer.IsReliable && !Acknowledged;

    /// <summary>Sends a response; the first final response wins, later ones are ignored (false).</summary>
    public async ValueTask<bool> RespondAsync(SipResponse response, int status, long nowTimestamp)
    {
        var bytes = response.ToBytes();
        lock (gate)
        {
            if (FinalStatus != 0)
            {
                return false;
            }

            if (status >= 200)
            {
                FinalStatus = status;
            }

            lastResponse = bytes;
            LastSentTimestamp = nowTimestamp;
        }

        await Peer.SendAsync(bytes, CancellationToken.None);
        return true;
    }

    /// <summary>The request came again: the answer goes again (nothing, if none was sent yet).</summary>
    public ValueTask ResendAsync()
    {
        byte[]? bytes;
        lock (gate)
        {
            bytes = lastResponse;
        }

        return bytes is null ? ValueTask.CompletedTask : Peer.SendAsync(bytes, CancellationToken.None);
    }

    internal ValueTask RetransmitFinalAsync(long nowTimestamp)
    {
        LastSentTimestamp = nowTimestamp;
        RetransmitInterval = TimeSpan.FromTicks(Math.Min(RetransmitInterval.Ticks * 2, SipTimers.T2.Ticks));
        return ResendAsync();
    }
}

/// <summary>RFC 3261's timer values (§17.1.1.1, table 4).</summary>
public static class SipTimers
{
    public static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan T2 = TimeSpan.FromSeconds(4);

    /// <summary>64·T1: how long a transaction is remembered, and how long a 2xx waits for its ACK.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(32);
}
