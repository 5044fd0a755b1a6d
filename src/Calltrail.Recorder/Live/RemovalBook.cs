using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>
/// What a live recording holds no audio for, and how each stretch came to be empty: the plan's pauses
/// and not-recorded time as the latest plan has them, the recording client's own pauses, and for each,
/// how late the recorder learnt of it and how much stored audio it had to redact. Keyed by where a
/// stretch begins and why, so a pause that a later plan closes keeps what was learnt about it.
/// </summary>
internal sealed class RemovalBook
{
    private readonly Dictionary<(long From, string Cause), (long LateMs, long RedactedFrames)> learnt = [];
    private IReadOnlyList<Removal> plan = [];

    /// <summary>The latest plan's stretches, learnt of at <paramref name="heardUnixMs"/> on a timeline starting at <paramref name="originUnixMs"/>.</summary>
    public void Plan(IReadOnlyList<Removal> disallowed, long heardUnixMs, long originUnixMs)
    {
        plan = disallowed;
        foreach (var removal in disallowed)
        {
            Learn(removal, heardUnixMs, originUnixMs);
        }
    }

    public void Learn(Removal removal, long heardUnixMs, long originUnixMs)
    {
        var key = (removal.FromFrame, removal.Cause);
        if (!learnt.ContainsKey(key))
        {
            learnt[key] = (Math.Max(0, heardUnixMs - originUnixMs - (removal.FromFrame / PlanFrames.FramesPerMs)), 0);
        }
    }

    /// <summary>Stored audio of <paramref name="removal"/> is being redacted.</summary>
    public void Redacted(Removal removal, long frames)
    {
        var key = (removal.FromFrame, removal.Cause);
        var (late, before) = learnt.GetValueOrDefault(key);
        learnt[key] = (late, before + frames);
    }

    public void Forget()
    {
        learnt.Clear();
        plan = [];
    }

    /// <summary>Every stretch with what was learnt about it, in timeline order.</summary>
    public IReadOnlyList<Removal> Current(IEnumerable<Removal> client) =>
        [.. plan.Concat(client).OrderBy(r => r.FromFrame).Select(r =>
            learnt.TryGetValue((r.FromFrame, r.Cause), out var how)
                ? r with { LateMs = how.LateMs, Redacted = how.RedactedFrames > 0, RedactedFrames = how.RedactedFrames }
                : r)];
}
