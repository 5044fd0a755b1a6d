using Calltrail.Recorder.Control;

namespace Calltrail.Recorder.Live;

/// <summary>A mark on a recording's timeline, in frames (8000 a second) from its start.</summary>
public readonly record struct Mark(long Frame, MarkKind Kind, string? Cause);

/// <summary>Turns a recording's marks into the spans it kept and the spans it paused, in ms.</summary>
public static class RecordingTimeline
{
    public const int FramesPerMs = 8;

    public static (IReadOnlyList<SpanInfo> Kept, IReadOnlyList<SpanInfo> Paused) Spans(IEnumerable<Mark> marks, long endFrame)
    {
        var kept = new List<SpanInfo>();
        var paused = new List<SpanInfo>();
        long? keptFrom = null;
        (long From, string? Cause)? pausedFrom = null;
        void Close(long at)
        {
            if (keptFrom is { } k && at > k)
            {
                kept.Add(new SpanInfo(Ms(k), Ms(at)));
            }

            if (pausedFrom is { } p && at > p.From)
            {
                // Rounded inwards: every millisecond listed as paused is silence in the file.
                paused.Add(new SpanInfo(CeilingMs(p.From), Ms(at), p.Cause));
            }

            keptFrom = null;
            pausedFrom = null;
        }

        foreach (var mark in marks.OrderBy(m => m.Frame))
        {
            var at = Math.Min(mark.Frame, endFrame);
            Close(at);
            if (mark.Kind is MarkKind.Start or MarkKind.Resume)
            {
                keptFrom = at;
            }
            else if (mark.Kind == MarkKind.Pause)
            {
                pausedFrom = (at, mark.Cause);
            }
        }

        Close(endFrame);
        return (kept, paused);
    }

    public static long Ms(long frames) => frames / FramesPerMs;

    private static long CeilingMs(long frames) => (frames + FramesPerMs - 1) / FramesPerMs;
}
