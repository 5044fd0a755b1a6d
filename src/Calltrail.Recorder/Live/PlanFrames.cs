using Calltrail.Live;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>
/// A call's plan on one recording's timeline. The recording's frame 0 is <c>originUnixMs</c> by the
/// recorder's clock; the plan's times are the events' (the telephony's) clock, in ms from connect:
/// frame = (connect + ms − origin) × 8. Everyone who asks what a recording may hold — the live
/// recording, the check before audio is served, the reconciler of finished recordings — asks here,
/// with the origin in whole milliseconds as the catalog stores it, so they all agree to the frame.
/// </summary>
public static class PlanFrames
{
    /// <summary>The cause given to audio the plan does not record at all (before connect, after a transfer stopped it, after the end).</summary>
    public const string NotRecorded = "not-recorded";

    public const int FramesPerMs = RecordingTimeline.FramesPerMs;

    /// <summary>
    /// Every stretch of the timeline from frame 0 that the plan does not let the recording keep, with
    /// its cause (a pause's, or <see cref="NotRecorded"/>); the last may be open (<see cref="Removal.Open"/>).
    /// </summary>
    public static IReadOnlyList<Removal> Disallowed(RecordingPlan plan, long originUnixMs)
    {
        if (plan.ConnectedAt is not { } connect)
        {
            return [new Removal(0, Removal.Open, NotRecorded)];
        }

        var removals = new List<Removal>();
        var connectFrame = FrameOf(connect, originUnixMs);
        if (connectFrame > 0)
        {
            removals.Add(new Removal(0, connectFrame, NotRecorded));
        }

        foreach (var segment in plan.Segments.Where(s => s.State != AudioState.Recording))
        {
            var from = Math.Max(0, FrameOf(connect + segment.FromMs, originUnixMs));
            var to = segment.IsOpen ? Removal.Open : FrameOf(connect + segment.ToMs, originUnixMs);
            if (to > from)
            {
                var cause = segment.State == AudioState.Paused && segment.Cause is { } c ? ServiceNames.PauseCauses.NameOf(c) : NotRecorded;
                Add(removals, new Removal(from, to, segment.State == AudioState.Paused && segment.Cause is null ? "service" : cause));
            }
        }

        return removals;
    }

    /// <summary>The frame of a moment (Unix ms) on a timeline whose frame 0 is <paramref name="originUnixMs"/>.</summary>
    public static long FrameOf(long unixMs, long originUnixMs) => (unixMs - originUnixMs) * FramesPerMs;

    // Neighbours of one cause (not-recorded before connect, then not recorded from 0) merge.
    private static void Add(List<Removal> removals, Removal next)
    {
        if (removals.Count > 0 && removals[^1] is var last && last.Cause == next.Cause && last.ToFrame >= next.FromFrame)
        {
            removals[^1] = last with { ToFrame = Math.Max(last.ToFrame, next.ToFrame) };
            return;
        }

        removals.Add(next);
    }
}
