using System.Collections.Concurrent;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Signaling;

/// <summary>
/// The server transactions in flight, keyed as RFC 3261 §17.2.3 matches them: the top Via's branch
/// and the method (ACK and CANCEL find their INVITE by the same branch).
/// </summary>
public sealed class ServerTransactions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ServerTransaction> open = new(StringComparer.Ordinal);

    // INVITEs by dialog-independent identity, for the ACK of a 2xx (its own branch): one lookup, not a scan.
    private readonly ConcurrentDictionary<string, ServerTransaction> invites = new(StringComparer.Ordinal);

    public int Count => open.Count;

    /// <summary>The transaction this request belongs to, if it is a retransmission of one already seen.</summary>
    public ServerTransaction? Find(SipMessage request) => open.GetValueOrDefault(Key(request, request.Method));

    /// <summary>The INVITE a CANCEL or a non-2xx ACK refers to.</summary>
    public ServerTransaction? FindInvite(SipMessage request) => open.GetValueOrDefault(Key(request, "INVITE"));

    public ServerTransaction Begin(SipMessage request, SipPeer peer)
    {
        var transaction = open.GetOrAdd(Key(request, request.Method), new ServerTransaction(request, peer, time.GetTimestamp()));
        if (transaction.IsInvite)
        {
            invites[AckKey(request)] = transaction;
        }

        return transaction;
    }

    /// <summary>The ACK for a 2xx (its own branch, same Call-ID and CSeq number) stops the 2xx's retransmission.</summary>
    public void Acknowledge(SipMessage ack)
    {
        if (invites.TryGetValue(AckKey(ack), out var transaction))
        {
            transaction.Acknowledged = true;
        }
    }

    /// <summary>Resends unacknowledged 2xx answers that are due; forgets transactions past their lifetime.</summary>
    /// <returns>INVITEs whose 2xx was never acknowledged: their sessions should end.</returns>
    public async Task<IReadOnlyList<ServerTransaction>> SweepAsync()
    {
        var now = time.GetTimestamp();
        List<ServerTransaction>? unacknowledged = null;
        foreach (var (key, transaction) in open)
        {
            var age = time.GetElapsedTime(transaction.StartedTimestamp, now);
            if (age > SipTimers.Lifetime)
            {
                open.TryRemove(key, out _);
                if (transaction.IsInvite)
                {
                    invites.TryRemove(new KeyValuePair<string, ServerTransaction>(AckKey(transaction.Request), transaction));
                }

                if (transaction.RetransmitsFinal)
                {
                    (unacknowledged ??= []).Add(transaction);
                }

                continue;
            }

            if (transaction.RetransmitsFinal && time.GetElapsedTime(transaction.LastSentTimestamp, now) >= transaction.RetransmitInterval)
            {
                await transaction.RetransmitFinalAsync(now);
            }
        }

        return unacknowledged ?? [];
    }

    private static string AckKey(SipMessage request) => $"{request.CallId}|{request.CSeq.Number}";

    private static string Key(SipMessage request, string method)
    {
        // RFC 2543 peers send no magic-cookie branch; Call-ID and CSeq number stand in for it.
        var branch = request.TopViaBranch is { } b && b.StartsWith("z9hG4bK", StringComparison.Ordinal)
            ? b
            : $"{request.CallId}|{request.CSeq.Number}";
        return $"{branch}|{method}";
    }
}
