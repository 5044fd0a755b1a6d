using Calltrail.Calls;

namespace Calltrail.Timeline;

/// <summary>Turns opening and closing events (payment screen, a person's pause) into windows of the call.</summary>
public static class EventWindows
{
    /// <summary>
    /// Pairs <paramref name="open"/> and <paramref name="close"/> events in time order. Opening what is
    /// already open, or closing what is closed, changes nothing; a window never closed runs to the end of
    /// the call. Events at the same time keep the order they were given in.
    /// </summary>
    public static Span[] Collect(IReadOnlyList<CallEvent> events, CallEventType open, CallEventType close, long durationMs)
    {
        var windows = new ScratchList<Span>(stackalloc Span[SpanMath.StackSpans]);
        Collect(events, open, close, durationMs, ref windows);
        return windows.AsSpan().ToArray();
    }

    /// <summary>
    /// <see cref="Collect(IReadOnlyList{CallEvent}, CallEventType, CallEventType, long)"/> into
    /// <paramref name="windows"/>, sorted by start, so the engine need not allocate windows it only reads.
    /// </summary>
    internal static void Collect(
        IReadOnlyList<CallEvent> events, CallEventType open, CallEventType close, long durationMs, ref ScratchList<Span> windows)
    {
        windows.Clear();
        if (events.Count == 0)
        {
            return;
        }

        Span<int> order = events.Count <= 64 ? stackalloc int[events.Count] : new int[events.Count];
        SortByTime(events, order);

        long? openedAt = null;
        foreach (var index in order)
        {
            var e = events[index];
            if (e.Type == open && openedAt is null)
            {
                openedAt = e.AtMs;
            }
            else if (e.Type == close && openedAt is { } start)
            {
                windows.Add(new Span(start, e.AtMs));
                openedAt = null;
            }
        }

        if (openedAt is { } stillOpen)
        {
            windows.Add(new Span(stillOpen, durationMs));
        }
    }

    /// <summary>The time of the first event of a type, in time order.</summary>
    public static long? First(IReadOnlyList<CallEvent> events, CallEventType type)
    {
        long? first = null;
        foreach (var e in events)
        {
            if (e.Type == type && (first is null || e.AtMs < first))
            {
                first = e.AtMs;
            }
        }

        return first;
    }

    // Stable insertion sort of indices: events are few, usually already in order, and ties must keep input order.
    private static void SortByTime(IReadOnlyList<CallEvent> events, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            while (j > 0 && events[order[j - 1]].AtMs > events[i].AtMs)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }
    }
}
