namespace Calltrail.Calls;

public enum CallEventType
{
    PaymentScreenOpened,
    PaymentScreenClosed,
    RecordRequested,
    PauseRequested,
    ResumeRequested,
}

/// <summary>Something that happened during the call, <paramref name="AtMs"/> milliseconds after connect.</summary>
public readonly record struct CallEvent(CallEventType Type, long AtMs);
