using Calltrail.Decisions;

namespace Calltrail.Live;

/// <summary>
/// A stretch of a call's timeline, in ms from connect (<c>[FromMs, ToMs)</c>), and what happens to its
/// audio. The last segment of a plan is open (<see cref="Open"/>): what is in force from then on.
/// </summary>
public readonly record struct PlanSegment(long FromMs, long ToMs, AudioState State, PauseCause? Cause = null)
{
    public const long Open = long.MaxValue;

    public bool IsOpen => ToMs == Open;

    public bool Contains(long ms) => FromMs <= ms && ms < ToMs;
}
