using System.Collections.Immutable;

namespace Calltrail.Timeline;

/// <summary>
/// Set operations on sorted, disjoint spans: the shape every recording timeline keeps. Intermediate
/// results live in <see cref="ScratchList{T}"/> on the stack; only the returned arrays are allocated.
/// </summary>
public static class SpanMath
{
    /// <summary>Room for the timelines a call really has (a few spans) before a scratch list moves to the heap.</summary>
    internal const int StackSpans = 8;

    /// <summary>Orders spans by start. A static lambda: cached once, never allocated per call.</summary>
    internal static readonly Comparison<Span> ByStart = static (a, b) => a.StartMs.CompareTo(b.StartMs);

    /// <summary>Removes every window from the spans. The result stays sorted and disjoint, with no empty spans.</summary>
    public static ImmutableArray<Span> Subtract(ImmutableArray<Span> spans, ReadOnlySpan<Span> windows)
    {
        if (windows.IsEmpty || spans.IsEmpty || !AnyOverlap(spans.AsSpan(), windows))
        {
            return spans;
        }

        var kept = new ScratchList<Span>(stackalloc Span[StackSpans]);
        Subtract(spans.AsSpan(), windows, ref kept);
        return kept.ToImmutableArray();
    }

    /// <summary>
    /// <see cref="Subtract(ImmutableArray{Span}, ReadOnlySpan{Span})"/> into <paramref name="kept"/>: one window at
    /// a time, each overlapping span replaced in place by what is left on either side of the window.
    /// </summary>
    internal static void Subtract(ReadOnlySpan<Span> spans, ReadOnlySpan<Span> windows, ref ScratchList<Span> kept)
    {
        kept.Clear();
        kept.AddRange(spans);
        var next = new ScratchList<Span>(stackalloc Span[StackSpans]);
        foreach (var window in windows)
        {
            next.Clear();
            foreach (var span in kept.AsSpan())
            {
                if (!span.Overlaps(window))
                {
                    next.Add(span);
                    continue;
                }

                AddIfNotEmpty(ref next, new Span(span.StartMs, window.StartMs));
                AddIfNotEmpty(ref next, new Span(window.EndMs, span.EndMs));
            }

            kept.Clear();
            kept.AddRange(next.AsSpan());
        }
    }

    /// <summary>The parts of the spans that the windows cover.</summary>
    public static ImmutableArray<Span> Intersect(ReadOnlySpan<Span> spans, ReadOnlySpan<Span> windows)
    {
        var covered = new ScratchList<Span>(stackalloc Span[StackSpans]);
        Intersect(spans, windows, ref covered);
        return covered.ToImmutableArray();
    }

    /// <summary><see cref="Intersect(ReadOnlySpan{Span}, ReadOnlySpan{Span})"/> into <paramref name="covered"/>, sorted by start.</summary>
    internal static void Intersect(ReadOnlySpan<Span> spans, ReadOnlySpan<Span> windows, ref ScratchList<Span> covered)
    {
        covered.Clear();
        foreach (var window in windows)
        {
            foreach (var span in spans)
            {
                AddIfNotEmpty(ref covered, span.Intersect(window));
            }
        }

        covered.Sort(ByStart);
    }

    public static bool AnyOverlap(ReadOnlySpan<Span> spans, ReadOnlySpan<Span> windows)
    {
        foreach (var window in windows)
        {
            foreach (var span in spans)
            {
                if (span.Overlaps(window))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether any span holds the moment <paramref name="atMs"/>.</summary>
    public static bool AnyContains(ReadOnlySpan<Span> spans, long atMs)
    {
        foreach (var span in spans)
        {
            if (span.Contains(atMs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The spans cut off at <paramref name="endMs"/>.</summary>
    public static ImmutableArray<Span> Before(ImmutableArray<Span> spans, long endMs) =>
        Subtract(spans, [new Span(endMs, long.MaxValue)]);

    /// <summary>Spans joined with one more span; touching or overlapping spans merge.</summary>
    public static ImmutableArray<Span> Union(ImmutableArray<Span> spans, Span extra)
    {
        if (extra.IsEmpty)
        {
            return spans;
        }

        var merged = new ScratchList<Span>(stackalloc Span[StackSpans]);
        foreach (var span in spans)
        {
            if (span.EndMs < extra.StartMs || extra.EndMs < span.StartMs)
            {
                merged.Add(span);
            }
            else
            {
                extra = new Span(Math.Min(span.StartMs, extra.StartMs), Math.Max(span.EndMs, extra.EndMs));
            }
        }

        merged.Add(extra);
        merged.Sort(ByStart);
        return merged.ToImmutableArray();
    }

    private static void AddIfNotEmpty(ref ScratchList<Span> spans, Span span)
    {
        if (!span.IsEmpty)
        {
            spans.Add(span);
        }
    }
}
