using System.Collections.Immutable;
using Calltrail.Settings;
using Calltrail.Timeline;

namespace Calltrail.Decisions;

/// <summary>A yes/no for each of the two systems.</summary>
public readonly record struct BothSystems(bool ContactCenter, bool FieldService)
{
    public static BothSystems Neither => default;
}

public enum PauseCause
{
    /// <summary>The payment screen was open.</summary>
    PaymentScreen,

    /// <summary>A person pressed pause.</summary>
    Person,
}

/// <summary>Audio that would have been recorded but was not, and why. Spans of different causes may overlap.</summary>
public readonly record struct PausedSpan(Span Span, PauseCause Cause);

/// <summary>
/// The decision for one call: where it is logged and recorded, which setting applied, what audio is
/// kept, and the rules that produced it. Immutable; equal verdicts compare equal.
/// </summary>
public sealed record Verdict
{
    public required CallPath Path { get; init; }

    public required BothSystems Logged { get; init; }

    /// <summary>Whether each system's call record has audio (the field service's own, or the synced copy).</summary>
    public required BothSystems Recorded { get; init; }

    public required bool SyncedToFieldService { get; init; }

    /// <summary>The call is recorded and the payment screen pauses it (tenant linked, or strict mode).</summary>
    public required bool AutoPause { get; init; }

    public required bool Announce { get; init; }

    /// <summary>The audio kept, in ms from connect: sorted, disjoint, no empty spans.</summary>
    public required ImmutableArray<Span> Spans { get; init; }

    public required ReasonSet Reasons { get; init; }

    /// <summary>The setting that decided whether to record, or null when none did (internal, or forced).</summary>
    public AppliedSetting? Setting { get; init; }

    /// <summary>What the pauses removed from the recording.</summary>
    public ImmutableArray<PausedSpan> Paused { get; init; } = [];

    /// <summary>Payment-screen time recorded because nothing could pause it (no tenant, strict mode off).</summary>
    public ImmutableArray<Span> UnprotectedPaymentWindows { get; init; } = [];

    public bool Equals(Verdict? other) =>
        other is not null
        && Path == other.Path
        && Logged == other.Logged
        && Recorded == other.Recorded
        && SyncedToFieldService == other.SyncedToFieldService
        && AutoPause == other.AutoPause
        && Announce == other.Announce
        && Reasons == other.Reasons
        && Setting == other.Setting
        && Spans.SequenceEqual(other.Spans)
        && Paused.SequenceEqual(other.Paused)
        && UnprotectedPaymentWindows.SequenceEqual(other.UnprotectedPaymentWindows);

    public override int GetHashCode() => HashCode.Combine(Path, Logged, Recorded, Reasons, Spans.Length);
}
