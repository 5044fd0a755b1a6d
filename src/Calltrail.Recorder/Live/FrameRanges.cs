using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>A set of frames as sorted, disjoint, non-touching spans: where a recording stored audio, what it asked to redact.</summary>
internal sealed class FrameRanges
{
    private readonly List<FrameSpan> spans = [];

    public IReadOnlyList<FrameSpan> Spans => spans;

    public void Add(FrameSpan span)
    {
        if (span.End <= span.Start)
        {
            return;
        }

        // Appends are the common case (audio flushed in order): extend or add at the end.
        if (spans.Count == 0 || spans[^1].End < span.Start)
        {
            spans.Add(span);
            return;
        }

        var merged = span;
        var at = spans.FindIndex(s => s.End >= span.Start);
        while (at < spans.Count && spans[at].Start <= merged.End)
        {
            merged = new FrameSpan(Math.Min(merged.Start, spans[at].Start), Math.Max(merged.End, spans[at].End));
            spans.RemoveAt(at);
        }

        spans.Insert(at, merged);
    }

    /// <summary>The parts of <paramref name="span"/> in the set.</summary>
    public List<FrameSpan> Within(FrameSpan span)
    {
        var parts = new List<FrameSpan>();
        foreach (var s in spans)
        {
            var from = Math.Max(s.Start, span.Start);
            var to = Math.Min(s.End, span.End);
            if (to > from)
            {
                parts.Add(new FrameSpan(from, to));
            }
        }

        return parts;
    }

    /// <summary>The parts of <paramref name="span"/> not in the set.</summary>
    public List<FrameSpan> Outside(FrameSpan span)
    {
        var parts = new List<FrameSpan>();
        var from = span.Start;
        foreach (var s in spans.Where(s => s.End > span.Start && s.Start < span.End))
        {
            if (s.Start > from)
            {
                parts.Add(new FrameSpan(from, s.Start));
            }

            from = Math.Max(from, s.End);
        }

        if (from < span.End)
        {
            parts.Add(new FrameSpan(from, span.End));
        }

        return parts;
    }

    public void Clear() => spans.Clear();
}
