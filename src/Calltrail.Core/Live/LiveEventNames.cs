using Calltrail.Calls;

namespace Calltrail.Live;

/// <summary>The kebab-case names of call events in the service's API (docs/service.md).</summary>
public static class LiveEventNames
{
    public static readonly Choices<LiveEventType> Types = new(
        ("started", LiveEventType.Started),
        ("answered", LiveEventType.Answered),
        ("handled-by-virtual-agent", LiveEventType.HandledByVirtualAgent),
        ("forwarded-to-external-number", LiveEventType.ForwardedToExternalNumber),
        ("transferred", LiveEventType.Transferred),
        ("payment-screen-opened", LiveEventType.PaymentScreenOpened),
        ("payment-screen-closed", LiveEventType.PaymentScreenClosed),
        ("record-requested", LiveEventType.RecordRequested),
        ("pause-requested", LiveEventType.PauseRequested),
        ("resume-requested", LiveEventType.ResumeRequested),
        ("claimed", LiveEventType.Claimed),
        ("call-reason-set", LiveEventType.CallReasonSet),
        ("job-booked", LiveEventType.JobBooked),
        ("ended", LiveEventType.Ended));
}
