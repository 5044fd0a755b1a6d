namespace Calltrail.Recorder.Reconciling;

/// <summary>
/// The calls whose recordings this recorder finished lately (the newest 100,000): a plan for one of
/// them that arrives after hangup (a late event) makes the finished file be checked again. A call
/// older than that is still protected where it matters — audio the plan disallows is never served.
/// </summary>
internal sealed class RecentCalls
{
    private const int Capacity = 100_000;
    private readonly HashSet<string> calls = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    public void Add(string callId)
    {
        lock (gate)
        {
            if (!calls.Add(callId))
            {
                return;
            }

            order.Enqueue(callId);
            if (order.Count > Capacity)
            {
                calls.Remove(order.Dequeue());
            }
        }
    }

    public bool Has(string callId)
    {
        lock (gate)
        {
            return calls.Contains(callId);
        }
    }
}
