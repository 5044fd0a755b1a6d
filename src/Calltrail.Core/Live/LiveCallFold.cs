using Calltrail.Calls;
using Calltrail.Tracking;

namespace Calltrail.Live;

/// <summary>
/// Folds a call's events into a <see cref="LiveCall"/>. The fold reads events in sequence order
/// whatever order they arrived in, so the same set of events always gives the same call: delivering
/// an event twice or late changes nothing. Where two events disagree the first in sequence wins
/// (the first connect, the first transfer, the first end); the call reason is the last one chosen.
/// </summary>
public static class LiveCallFold
{
    public static LiveCall Fold(string callId, IEnumerable<LiveEvent> events)
    {
        var call = new LiveCall { CallId = callId };
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            call = Apply(call, e) with { LatestAt = Math.Max(call.LatestAt, e.At) };
        }

        return call;
    }

    /// <summary>What call tracking needs to classify the call.</summary>
    public static CallOutcome Outcome(LiveCall call) => new(
        call.Start?.Direction ?? Direction.Inbound,
        Answered: call.IsConnected,
        call.Claimed,
        call.ConnectedMs,
        call.JobBooked,
        call.ReasonIsLead);

    private static LiveCall Apply(LiveCall call, LiveEvent e) => e.Type switch
    {
        LiveEventType.Started when call.Start is null => call with { Start = e.Start, StartedAt = e.At },
        // An employee who answers has taken the call on: it is claimed for call tracking.
        LiveEventType.Answered => Connect(call, e, Handler.Agent) with
        {
            Employee = call.Employee ?? e.Employee,
            Claimed = call.Claimed || e.Employee is not null,
        },
        LiveEventType.HandledByVirtualAgent => Connect(call, e, Handler.VirtualAgent),
        LiveEventType.ForwardedToExternalNumber => Connect(call, e, Handler.ExternalNumber),
        LiveEventType.Transferred when call.Transfer is null && e.TransferTo is { } to => call with
        {
            Transfer = (to, e.At),
            // A virtual-agent call handed to a person now has an agent.
            Employee = call.Employee ?? (to == TransferTarget.Agent ? e.Employee : null),
        },
        LiveEventType.PaymentScreenOpened => WithEvent(call, CallEventType.PaymentScreenOpened, e.At),
        LiveEventType.PaymentScreenClosed => WithEvent(call, CallEventType.PaymentScreenClosed, e.At),
        LiveEventType.RecordRequested => WithEvent(call, CallEventType.RecordRequested, e.At),
        LiveEventType.PauseRequested => WithEvent(call, CallEventType.PauseRequested, e.At),
        LiveEventType.ResumeRequested => WithEvent(call, CallEventType.ResumeRequested, e.At),
        LiveEventType.Claimed => call with { Claimed = true },
        LiveEventType.CallReasonSet => call with { CallReason = e.CallReason, ReasonIsLead = e.IsLead },
        LiveEventType.JobBooked => call with { JobBooked = true },
        LiveEventType.Ended when call.EndedAt is null => call with { EndedAt = e.At },
        _ => call,
    };

    private static LiveCall Connect(LiveCall call, LiveEvent e, Handler handler) =>
        call.ConnectedAt is null ? call with { ConnectedAt = e.At, Handler = handler } : call;

    private static LiveCall WithEvent(LiveCall call, CallEventType type, long at) =>
        call with { Events = call.Events.Add((type, at)) };
}
