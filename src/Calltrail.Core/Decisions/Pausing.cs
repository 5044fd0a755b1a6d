using System.Collections.Immutable;
using Calltrail.Calls;
using Calltrail.Timeline;

namespace Calltrail.Decisions;

/// <summary>What the pauses leave of a recording, and the rules that acted.</summary>
internal readonly record struct PauseOutcome(
    ImmutableArray<Span> Spans,
    ImmutableArray<PausedSpan> Paused,
    ImmutableArray<Span> Unprotected,
    ReasonSet Reasons);

/// <summary>
/// behavior.md, "Pausing for payments": the payment screen pauses calls linked to a tenant (or every call
/// in strict mode); a person's pause works on any recorded call. A window adds its reason only when it
/// covers audio that would otherwise have been kept.
/// </summary>
internal static class Pausing
{
    public static PauseOutcome Apply(ImmutableArray<Span> recording, Call call, bool tenantLinked, bool strict, ReasonSet reasons)
    {
        if (recording.IsEmpty || call.Events.Count == 0)
        {
            return new PauseOutcome(recording, [], [], reasons);
        }

        var payment = EventWindows.Collect(call.Events, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed, call.DurationMs);
        var manual = EventWindows.Collect(call.Events, CallEventType.PauseRequested, CallEventType.ResumeRequested, call.DurationMs);
        var kept = recording;
        var paused = ImmutableArray.CreateBuilder<PausedSpan>();
        var unprotected = ImmutableArray<Span>.Empty;

        if (SpanMath.AnyOverlap(recording.AsSpan(), payment))
        {
            if (tenantLinked || strict)
            {
                reasons = reasons.With(Reason.PaymentPause).WithIf(!tenantLinked, Reason.StrictPaymentPause);
                Add(paused, SpanMath.Intersect(recording.AsSpan(), payment), PauseCause.PaymentScreen);
                kept = SpanMath.Subtract(kept, payment);
            }
            else
            {
                // The article's caution: nothing can pause a call with no tenant, so the card may be on tape.
                reasons = reasons.With(Reason.NoTenantNoAutoPause);
                unprotected = SpanMath.Intersect(SpanMath.Subtract(recording, manual).AsSpan(), payment);
            }
        }

        if (SpanMath.AnyOverlap(recording.AsSpan(), manual))
        {
            reasons = reasons.With(Reason.ManualPause);
            Add(paused, SpanMath.Intersect(recording.AsSpan(), manual), PauseCause.Person);
            kept = SpanMath.Subtract(kept, manual);
        }

        paused.Sort((a, b) => a.Span.StartMs.CompareTo(b.Span.StartMs));
        return new PauseOutcome(kept, paused.ToImmutable(), unprotected, reasons);
    }

    private static void Add(ImmutableArray<PausedSpan>.Builder paused, ImmutableArray<Span> spans, PauseCause cause)
    {
        foreach (var span in spans)
        {
            paused.Add(new PausedSpan(span, cause));
        }
    }
}
