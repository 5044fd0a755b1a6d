using System.Collections.Immutable;
using Calltrail.Decisions;
using Calltrail.Timeline;

namespace Calltrail.Live;

/// <summary>Turns a verdict into a call's audio timeline: contiguous segments from connect, the last one open.</summary>
public static class AudioTimeline
{
    /// <summary>
    /// The segments of <paramref name="verdict"/> over <c>[0, closedToMs)</c>, then <paramref name="open"/>
    /// from there on, with neighbours of the same state and cause merged. Where a payment pause and a
    /// person's pause overlap, the stretch is the payment screen's (the one card data depends on).
    /// </summary>
    public static ImmutableArray<PlanSegment> Of(Verdict verdict, long closedToMs, AudioState open, PauseCause? openCause)
    {
        var cuts = new SortedSet<long> { 0, closedToMs };
        foreach (var span in verdict.Spans)
        {
            cuts.Add(Math.Clamp(span.StartMs, 0, closedToMs));
            cuts.Add(Math.Clamp(span.EndMs, 0, closedToMs));
        }

        foreach (var paused in verdict.Paused)
        {
            cuts.Add(Math.Clamp(paused.Span.StartMs, 0, closedToMs));
            cuts.Add(Math.Clamp(paused.Span.EndMs, 0, closedToMs));
        }

        var segments = ImmutableArray.CreateBuilder<PlanSegment>();
        long? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } from && cut > from)
            {
                var (state, cause) = StateAt(verdict, from);
                Add(segments, new PlanSegment(from, cut, state, cause));
            }

            previous = cut;
        }

        Add(segments, new PlanSegment(closedToMs, PlanSegment.Open, open, open == AudioState.Paused ? openCause : null));
        return segments.ToImmutable();
    }

    /// <summary>The state and pause cause at <paramref name="ms"/> under <paramref name="verdict"/>.</summary>
    public static (AudioState State, PauseCause? Cause) StateAt(Verdict verdict, long ms)
    {
        if (verdict.Spans.Any(s => s.Contains(ms)))
        {
            return (AudioState.Recording, null);
        }

        var causes = verdict.Paused.Where(p => p.Span.Contains(ms)).Select(p => p.Cause).ToList();
        return causes.Count == 0 ? (AudioState.NotRecording, null)
            : (AudioState.Paused, causes.Contains(PauseCause.PaymentScreen) ? PauseCause.PaymentScreen : causes[0]);
    }

    private static void Add(ImmutableArray<PlanSegment>.Builder segments, PlanSegment next)
    {
        if (segments.Count > 0 && segments[^1] is var last && last.State == next.State && last.Cause == next.Cause && last.ToMs == next.FromMs)
        {
            segments[^1] = last with { ToMs = next.ToMs };
            return;
        }

        segments.Add(next);
    }
}
