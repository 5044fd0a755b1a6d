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

        // The windows and the paused parts are working material: they stay on the stack, and only the
        // arrays the verdict keeps are allocated.
        var payment = new ScratchList<Span>(stackalloc Span[SpanMath.StackSpans]);
        var manual = new ScratchList<Span>(stackalloc Span[SpanMath.StackSpans]);
        EventWindows.Collect(call.Events, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed, call.DurationMs, ref payment);
        EventWindows.Collect(call.Events, CallEventType.PauseRequested, CallEventType.ResumeRequested, call.DurationMs, ref manual);
        var paused = new ScratchList<PausedSpan>(stackalloc PausedSpan[SpanMath.StackSpans]);
        var kept = recording;
        var unprotected = ImmutableArray<Span>.Empty;

        if (SpanMath.AnyOverlap(recording.AsSpan(), payment.AsSpan()))
        {
            if (tenantLinked || strict)
            {
                reasons = reasons.With(Reason.PaymentPause).WithIf(!tenantLinked, Reason.StrictPaymentPause);
                AddPaused(ref paused, recording.AsSpan(), payment.AsSpan(), PauseCause.PaymentScreen);
                kept = SpanMath.Subtract(kept, payment.AsSpan());
            }
            else
            {
                // The article's caution: nothing can pause a call with no tenant, so the card may be on tape.
                reasons = reasons.With(Reason.NoTenantNoAutoPause);
                unprotected = Unprotected(recording.AsSpan(), payment.AsSpan(), manual.AsSpan());
            }
        }

        if (SpanMath.AnyOverlap(recording.AsSpan(), manual.AsSpan()))
        {
            reasons = reasons.With(Reason.ManualPause);
            AddPaused(ref paused, recording.AsSpan(), manual.AsSpan(), PauseCause.Person);
            kept = SpanMath.Subtract(kept, manual.AsSpan());
        }

        paused.Sort(static (a, b) => a.Span.StartMs.CompareTo(b.Span.StartMs));
        return new PauseOutcome(kept, paused.ToImmutableArray(), unprotected, reasons);
    }

    /// <summary>The recorded parts the windows cover, tagged with why they were paused.</summary>
    private static void AddPaused(
        ref ScratchList<PausedSpan> paused, ReadOnlySpan<Span> recording, ReadOnlySpan<Span> windows, PauseCause cause)
    {
        var covered = new ScratchList<Span>(stackalloc Span[SpanMath.StackSpans]);
        SpanMath.Intersect(recording, windows, ref covered);
        foreach (var span in covered.AsSpan())
        {
            paused.Add(new PausedSpan(span, cause));
        }
    }

    /// <summary>Payment-screen time still on tape: the recording less a person's pauses, within the payment windows.</summary>
    private static ImmutableArray<Span> Unprotected(ReadOnlySpan<Span> recording, ReadOnlySpan<Span> payment, ReadOnlySpan<Span> manual)
    {
        var notPaused = new ScratchList<Span>(stackalloc Span[SpanMath.StackSpans]);
        SpanMath.Subtract(recording, manual, ref notPaused);
        return SpanMath.Intersect(notPaused.AsSpan(), payment);
    }
}
