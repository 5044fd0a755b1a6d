using Calltrail.Decisions;

namespace Calltrail.Live;

/// <summary>What the recorder should be doing with a call right now.</summary>
public enum RecorderState
{
    /// <summary>Not recording and nothing recorded yet (ringing, or a call that is not recorded).</summary>
    Idle,

    Recording,

    /// <summary>Recording, but writing nothing: a payment screen or a person's pause.</summary>
    Paused,

    /// <summary>Recorded earlier, no longer (a transfer stopped it, or the call ended).</summary>
    Stopped,
}

/// <summary>An instruction to the recorder.</summary>
public enum RecorderAction
{
    Start,
    Pause,
    Resume,
    Stop,
}

/// <summary>Turns a verdict into the recorder's state at a moment, and state changes into instructions.</summary>
public static class Recorder
{
    /// <summary>The state at <paramref name="atMs"/> (from connect) under <paramref name="verdict"/>.</summary>
    public static RecorderState StateAt(Verdict verdict, long atMs)
    {
        if (verdict.Spans.Any(s => s.Contains(atMs)))
        {
            return RecorderState.Recording;
        }

        if (verdict.Paused.Any(p => p.Span.Contains(atMs)))
        {
            return RecorderState.Paused;
        }

        return verdict.Spans.Any(s => s.EndMs <= atMs) ? RecorderState.Stopped : RecorderState.Idle;
    }

    /// <summary>The cause of the pause in force at <paramref name="atMs"/>, if any.</summary>
    public static PauseCause? PauseCauseAt(Verdict verdict, long atMs) =>
        verdict.Paused.Where(p => p.Span.Contains(atMs)).Select(p => (PauseCause?)p.Cause).FirstOrDefault();

    /// <summary>
    /// When (ms from connect) the pause in force at <paramref name="atMs"/> began: the start of the
    /// unbroken run of paused spans (of any cause) that covers it.
    /// </summary>
    public static long? PausedSinceMs(Verdict verdict, long atMs)
    {
        if (!verdict.Paused.Any(p => p.Span.Contains(atMs)))
        {
            return null;
        }

        var since = atMs;
        while (verdict.Paused.Where(p => p.Span.StartMs < since && p.Span.EndMs >= since).Select(p => (long?)p.Span.StartMs).Min() is { } earlier)
        {
            since = earlier;
        }

        return since;
    }

    /// <summary>The instructions that take the recorder from one state to another, in order.</summary>
    public static IReadOnlyList<RecorderAction> Transition(RecorderState from, RecorderState to) => (from, to) switch
    {
        _ when from == to => [],
        (RecorderState.Idle or RecorderState.Stopped, RecorderState.Recording) => [RecorderAction.Start],
        (RecorderState.Idle or RecorderState.Stopped, RecorderState.Paused) => [RecorderAction.Start, RecorderAction.Pause],
        (RecorderState.Recording, RecorderState.Paused) => [RecorderAction.Pause],
        (RecorderState.Paused, RecorderState.Recording) => [RecorderAction.Resume],
        (RecorderState.Recording or RecorderState.Paused, RecorderState.Idle or RecorderState.Stopped) => [RecorderAction.Stop],
        _ => [],
    };
}
