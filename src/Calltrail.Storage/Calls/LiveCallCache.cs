using System.Collections.Concurrent;
using Calltrail.Live;

namespace Calltrail.Storage.Calls;

/// <summary>
/// What this process last committed for each live call: its stored events (already parsed) and its two
/// log entries, as of one plan version. A new event then needs neither the call's events read back and
/// parsed nor its log rows rewritten in full. The database stays the truth: an entry is used only when
/// the call's <c>calls.plan_version</c>, read under the call's lock, is the version it was committed
/// with — every committed re-judging (by this server or another on the same database) raises it, so any
/// other version means someone else wrote the call since, and the call is read back as before.
/// </summary>
internal sealed class LiveCallCache
{
    /// <summary>Live calls remembered at most; far above the calls in flight, so a full clear is rare and only costs reads.</summary>
    private const int Limit = 20_000;

    private readonly ConcurrentDictionary<string, CachedCall> calls = new(StringComparer.Ordinal);

    /// <summary>The call as committed at <paramref name="planVersion"/>, if this process committed that version.</summary>
    public CachedCall? Get(string callId, long planVersion) =>
        calls.TryGetValue(callId, out var cached) && cached.PlanVersion == planVersion ? cached : null;

    /// <summary>Called only after the transaction that wrote <paramref name="call"/> committed.</summary>
    public void Committed(string callId, CachedCall call, bool ended)
    {
        // An ended call rarely hears more; if it does, it is read back like any call not remembered.
        if (ended)
        {
            calls.TryRemove(callId, out _);
            return;
        }

        if (calls.Count >= Limit)
        {
            calls.Clear();
        }

        // Two batches of one process may finish out of order: keep the newer version.
        calls.AddOrUpdate(callId, call, (_, old) => old.PlanVersion > call.PlanVersion ? old : call);
    }
}

/// <summary>A call's stored events by sequence, and its entry in each log (null: none), as committed at <paramref name="PlanVersion"/>.</summary>
internal sealed record CachedCall(
    long PlanVersion,
    IReadOnlyDictionary<long, (LiveEvent Event, string Body)> Events,
    LogRow? ContactCenter,
    LogRow? FieldService);
