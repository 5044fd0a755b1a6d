using Calltrail.Calls;

namespace Calltrail.Live;

/// <summary>
/// Plays a scenario as the telephony would report it: started, the connect (answered, the virtual
/// agent, or a forward), the transfer and the call's events at their times, then ended. Folding these
/// events and judging them gives the scenario's own verdict — the live pipeline and
/// <c>calltrail decide</c> are one engine.
/// </summary>
public static class ScenarioPlayback
{
    /// <param name="connectAt">When the call connects, in Unix ms; every scenario time is counted from it.</param>
    public static IReadOnlyList<LiveEvent> ToEvents(Scenario scenario, string callId, long connectAt)
    {
        var call = scenario.Call;
        var timed = new List<(long At, int Order, LiveEvent Event)>();
        void Add(long atMs, int order, LiveEventType type, Func<LiveEvent, LiveEvent>? details = null)
        {
            var e = new LiveEvent(callId, 0, type, connectAt + atMs);
            timed.Add((atMs, order, details is null ? e : details(e)));
        }

        Add(0, 0, LiveEventType.Started, e => e with
        {
            Start = new CallStart(call.Direction, call.From, call.To, call.Via, null, call.Tenant, call.User, call.Queue, call.Internal),
        });
        var connect = call.IsInbound ? call.EffectiveHandler switch
        {
            Handler.VirtualAgent => LiveEventType.HandledByVirtualAgent,
            Handler.ExternalNumber => LiveEventType.ForwardedToExternalNumber,
            _ => LiveEventType.Answered,
        }
        : LiveEventType.Answered;
        Add(0, 1, connect, e => connect == LiveEventType.Answered ? e with { Employee = call.User } : e);
        if (call.Transfer is { } transfer)
        {
            Add(transfer.AtMs, 2, LiveEventType.Transferred, e => e with { TransferTo = transfer.To });
        }

        foreach (var ev in call.Events)
        {
            Add(ev.AtMs, 2, Map(ev.Type));
        }

        Add(call.DurationMs, 3, LiveEventType.Ended);

        // Sequence numbers follow the call's own timeline; same-moment events keep the scenario's order.
        return [.. timed
            .Select((t, index) => (t.At, t.Order, Index: index, t.Event))
            .OrderBy(t => t.At).ThenBy(t => t.Order).ThenBy(t => t.Index)
            .Select((t, i) => t.Event with { Sequence = i + 1 })];
    }

    private static LiveEventType Map(CallEventType type) => type switch
    {
        CallEventType.PaymentScreenOpened => LiveEventType.PaymentScreenOpened,
        CallEventType.PaymentScreenClosed => LiveEventType.PaymentScreenClosed,
        CallEventType.RecordRequested => LiveEventType.RecordRequested,
        CallEventType.PauseRequested => LiveEventType.PauseRequested,
        _ => LiveEventType.ResumeRequested,
    };
}
