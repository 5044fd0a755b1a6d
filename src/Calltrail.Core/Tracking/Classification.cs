using Calltrail.Calls;

namespace Calltrail.Tracking;

/// <summary>How the field service classifies an inbound call for call tracking.</summary>
public enum CallClassification
{
    /// <summary>Not answered, or answered but never claimed by anyone.</summary>
    Abandoned,

    /// <summary>Answered and claimed, but too short to be a lead.</summary>
    Excused,

    /// <summary>A lead (60 s or more) with no job booked during it.</summary>
    Unbooked,

    /// <summary>A job was booked during the call.</summary>
    Booked,

    /// <summary>Long enough to be a lead, but its call reason is marked as not a lead.</summary>
    NotALead,
}

/// <summary>What call tracking knows about a call once it is over.</summary>
/// <param name="Direction">Outbound calls are never classified.</param>
/// <param name="Answered">Someone (an agent, the virtual agent, a forward) took the call.</param>
/// <param name="Claimed">An employee claimed the call in the field service; an answered call nobody claims is abandoned.</param>
/// <param name="ConnectedMs">Connected time.</param>
/// <param name="JobBooked">A job was booked during the call.</param>
/// <param name="ReasonIsLead">The call reason's "is lead" box; null when no reason was given.</param>
public readonly record struct CallOutcome(
    Direction Direction, bool Answered, bool Claimed, long ConnectedMs, bool JobBooked, bool? ReasonIsLead);

/// <summary>
/// The field service's classification rules (docs/recording-behavior.md, "Call tracking"): abandoned
/// first, then booked — a booked job makes any claimed call a booking, however short — then the
/// 60-second line, then the call reason.
/// </summary>
public static class Classification
{
    /// <summary>Calls shorter than this are excused rather than leads.</summary>
    public const long LeadThresholdMs = 60_000;

    /// <returns>The classification, or null for an outbound call.</returns>
    public static CallClassification? Classify(CallOutcome call)
    {
        if (call.Direction == Direction.Outbound)
        {
            return null;
        }

        if (!call.Answered || !call.Claimed)
        {
            return CallClassification.Abandoned;
        }

        if (call.JobBooked)
        {
            return CallClassification.Booked;
        }

        if (call.ConnectedMs < LeadThresholdMs)
        {
            return CallClassification.Excused;
        }

        return call.ReasonIsLead == false ? CallClassification.NotALead : CallClassification.Unbooked;
    }
}
