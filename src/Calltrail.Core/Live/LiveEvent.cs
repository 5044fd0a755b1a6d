using Calltrail.Calls;
using Calltrail.Phones;

namespace Calltrail.Live;

/// <summary>What the telephony reports about a live call (docs/service.md, "Call events").</summary>
public enum LiveEventType
{
    /// <summary>The call began ringing (inbound) or was placed (outbound); carries the call's facts.</summary>
    Started,

    /// <summary>An employee answered; the call is connected.</summary>
    Answered,

    /// <summary>The virtual agent took the call; it is connected.</summary>
    HandledByVirtualAgent,

    /// <summary>The call was forwarded straight to an external number; it is connected there.</summary>
    ForwardedToExternalNumber,

    Transferred,
    PaymentScreenOpened,
    PaymentScreenClosed,
    RecordRequested,
    PauseRequested,
    ResumeRequested,

    /// <summary>The field service: an employee claimed the call (for call tracking).</summary>
    Claimed,

    /// <summary>The field service: the call's reason was chosen, with its "is lead" box.</summary>
    CallReasonSet,

    /// <summary>The field service: a job was booked during the call.</summary>
    JobBooked,

    Ended,
}

/// <summary>The facts of a call as its <see cref="LiveEventType.Started"/> event gives them.</summary>
/// <param name="TrackingNumber">The dialed tracking number; for an inbound tracking-number call it is the called number when not given.</param>
/// <param name="Tenant">The tenant, when the telephony knows it rather than the tracking number.</param>
/// <param name="Employee">The employee the call is for: the direct line's owner, or the one placing an outbound call.</param>
public sealed record CallStart(
    Direction Direction,
    PhoneNumber? From,
    PhoneNumber? To,
    Via Via,
    PhoneNumber? TrackingNumber,
    string? Tenant,
    string? Employee,
    string? Queue,
    bool Internal)
{
    /// <summary>The tracking number that names the tenant and campaign, if any.</summary>
    public PhoneNumber? DialedTrackingNumber =>
        TrackingNumber ?? (Direction == Direction.Inbound && Via == Via.TrackingNumber ? To : null);
}

/// <summary>
/// One event of a live call. <paramref name="At"/> is when it happened (Unix ms, the telephony's
/// clock), never when it arrived; <paramref name="Sequence"/> orders a call's events and makes
/// delivery idempotent.
/// </summary>
public sealed record LiveEvent(string CallId, long Sequence, LiveEventType Type, long At)
{
    /// <summary><see cref="LiveEventType.Started"/> only.</summary>
    public CallStart? Start { get; init; }

    /// <summary>Who answered or claimed; for a transfer to an agent, who took it.</summary>
    public string? Employee { get; init; }

    /// <summary><see cref="LiveEventType.Transferred"/> only.</summary>
    public TransferTarget? TransferTo { get; init; }

    /// <summary>For a transfer to a queue, which queue.</summary>
    public string? Queue { get; init; }

    /// <summary><see cref="LiveEventType.CallReasonSet"/>: the reason's name and its "is lead" box.</summary>
    public string? CallReason { get; init; }

    public bool? IsLead { get; init; }
}
