using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>Turns what a recording holds no audio for into the spans it kept and the spans it paused, in ms.</summary>
public static class RecordingTimeline
{
    public const int FramesPerMs = 8;

    /// <summary>
    /// Kept: from <paramref name="startFrame"/> to <paramref name="endFrame"/>, less every removal. Paused:
    /// the removals that are pauses (every cause but <see cref="PlanFrames.NotRecorded"/>), rounded
    /// inwards, so every millisecond listed as paused is silence in the file. Redacted removals of either
    /// kind are listed with the pauses too: they say where stored audio was taken out after the fact.
    /// </summary>
    public static (IReadOnlyList<SpanInfo> Kept, IReadOnlyList<SpanInfo> Paused) Spans(IReadOnlyList<Removal> removals, long startFrame, long endFrame)
    {
        var kept = new List<SpanInfo>();
        var from = startFrame;
        foreach (var removal in removals.Where(r => r.ToFrame > startFrame && r.FromFrame < endFrame).OrderBy(r => r.FromFrame))
        {
            if (removal.FromFrame > from)
            {
                kept.Add(new SpanInfo(Ms(from), Ms(Math.Min(removal.FromFrame, endFrame))));
            }

            from = Math.Max(from, removal.ToFrame);
        }

        if (from < endFrame)
        {
            kept.Add(new SpanInfo(Ms(from), Ms(endFrame)));
        }

        var paused = removals
            .Where(r => r.FromFrame < endFrame && (r.Cause != PlanFrames.NotRecorded || r.Redacted))
            .Select(r => new SpanInfo(CeilingMs(r.FromFrame), Ms(Math.Min(r.ToFrame, endFrame)), r.Cause)
            {
                Redacted = r.Redacted,
                LateMs = r.LateMs,
                RedactedMs = Ms(r.RedactedFrames),
            })
            .Where(s => s.EndMs > s.StartMs)
            .OrderBy(s => s.StartMs)
            .ToList();
        return (kept.Where(s => s.EndMs > s.StartMs).ToList(), paused);
    }

    public static long Ms(long frames) => frames / FramesPerMs;

    private static long CeilingMs(long frames) => (frames + FramesPerMs - 1) / FramesPerMs;
}
