namespace Calltrail.Recorder.Reconciling;

/// <summary>
/// The calls whose recordings this recorder finished lately (the newest 100,000), each with the plan
/// version its recordings were last checked against: only a newer plan (a late event after hangup)
/// makes the finished files be checked again — not the notice of the very commit they were checked
/// under. A call older than that is still protected where it matters: audio its plan disallows is never
/// served (the check before serving), and it is redacted then.
/// </summary>
internal sealed class RecentCalls
{
    private const int Capacity = 100_000;
    private readonly Dictionary<string, long> checkedAt = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>The call's recordings were checked against plan <paramref name="version"/> (0: against none).</summary>
    public void Checked(string callId, long version)
    {
        lock (gate)
        {
            if (checkedAt.TryGetValue(callId, out var before))
            {
                checkedAt[callId] = Math.Max(before, version);
                return;
            }

            checkedAt[callId] = version;
            order.Enqueue(callId);
            if (order.Count > Capacity)
            {
                checkedAt.Remove(order.Dequeue());
            }
        }
    }

    /// <summary>Whether the call finished here lately and <paramref name="version"/> is newer than what its recordings were checked against.</summary>
    public bool Owes(string callId, long version)
    {
        lock (gate)
        {
            return checkedAt.TryGetValue(callId, out var done) && version > done;
        }
    }
}
