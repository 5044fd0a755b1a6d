using System.Collections.Immutable;

namespace Calltrail.Timeline;

/// <summary>Set operations on sorted, disjoint spans: the shape every recording timeline keeps.</summary>
public static class SpanMath
{
    /// <summary>Removes every window from the spans. The result stays sorted and disjoint, with no empty spans.</summary>
    public static ImmutableArray<Span> Subtract(ImmutableArray<Span> spans, ReadOnlySpan<Span> windows)
    {
        if (windows.IsEmpty || spans.IsEmpty || !AnyOverlap(spans.AsSpan(), windows))
        {
            return spans;
        }

        var current = new List<Span>(spans.Length + windows.Length);
        current.AddRange(spans);
        var next = new List<Span>(current.Capacity);
        foreach (var window in windows)
        {
            next.Clear();
            foreach (var span in current)
            {
                if (!span.Overlaps(window))
                {
                    next.Add(span);
                    continue;
                }

                AddIfNotEmpty(next, new Span(span.StartMs, window.StartMs));
                AddIfNotEmpty(next, new Span(window.EndMs, span.EndMs));
            }

            (current, next) = (next, current);
        }

        return [.. current];
    }

    /// <summary>The parts of the spans that the windows cover.</summary>
    public static ImmutableArray<Span> Intersect(ReadOnlySpan<Span> spans, ReadOnlySpan<Span> windows)
    {
        var covered = ImmutableArray.CreateBuilder<Span>();
        foreach (var window in windows)
        {
            foreach (var span in spans)
            {
                var part = span.Intersect(window);
                if (!part.IsEmpty)
                {
                    covered.Add(part);
                }
            }
        }

        covered.Sort((a, b) => a.StartMs.CompareTo(b.StartMs));
        return covered.ToImmutable();
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

        var merged = new List<Span>(spans.Length + 1);
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
        merged.Sort((a, b) => a.StartMs.CompareTo(b.StartMs));
        return [.. merged];
    }

    private static void AddIfNotEmpty(List<Span> spans, Span span)
    {
        if (!span.IsEmpty)
        {
            spans.Add(span);
        }
    }
}
