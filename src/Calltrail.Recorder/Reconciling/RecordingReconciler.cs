using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Reconciling;

/// <summary>
/// Brings a finished recording into line with its call's plan: the plan's disallowed stretches are
/// mapped onto the recording's timeline, the stored audio there is read back (decrypted, not taken on
/// the file's word), and anything that is not silence is redacted in place. The result says whether the
/// recording now agrees with the plan — read back once more after a redaction — and is what the
/// catalog keeps. Runs when a recording finishes, is recovered after a crash, or its call's plan
/// changes after hangup.
/// </summary>
public sealed class RecordingReconciler(RecordingFiles files, TimeProvider time)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>The recording's final shape, checked (and if need be redacted) against <paramref name="plan"/>; unchecked when there is no plan.</summary>
    public async Task<RecordingFinished> ReconcileAsync(RecordingStarted recording, RecordingPlan? plan)
    {
        await oneAtATime.WaitAsync();
        try
        {
            return Reconcile(recording, plan);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private RecordingFinished Reconcile(RecordingStarted recording, RecordingPlan? plan)
    {
        if (plan is null)
        {
            return files.Finished(recording);
        }

        var origin = recording.StartedAt.ToUnixTimeMilliseconds();
        var disallowed = PlanFrames.Disallowed(plan, origin);
        string? problem = null;
        using (var contents = files.Open(recording.File))
        {
            if (contents is null)
            {
                return files.Finished(recording) with { Agreement = new PlanAgreement(true, plan.Version) };
            }

            var spans = Clip(disallowed, contents.EndFrame);
            if (contents.HoldsAudioIn(spans))
            {
                var removals = Merge(contents.Removals, disallowed, contents, time.GetUtcNow().ToUnixTimeMilliseconds(), origin);
                contents.Dispose();
                var result = files.Redact(recording.File, spans, removals);
                problem = result.Succeeded ? null : $"the file could not be redacted: {result.Error} {result.Detail}";
            }
        }

        var finished = files.Finished(recording);
        using var after = files.Open(recording.File);
        var agrees = after is not null && !after.HoldsAudioIn(Clip(disallowed, after.EndFrame));
        return finished with
        {
            Agreement = new PlanAgreement(agrees, plan.Version, agrees ? null : problem ?? "the recording holds audio its call's plan does not allow"),
        };
    }

    private static List<FrameSpan> Clip(IReadOnlyList<Removal> removals, long endFrame) =>
        [.. removals.Where(r => r.FromFrame < endFrame).Select(r => new FrameSpan(r.FromFrame, Math.Min(r.ToFrame, endFrame)))];

    // What the file already says stays; each disallowed stretch it did not list joins as redacted now, late by how long ago it began.
    private static List<Removal> Merge(IReadOnlyList<Removal> known, IReadOnlyList<Removal> disallowed, RecordingContents contents, long nowUnixMs, long origin)
    {
        var merged = known.ToList();
        foreach (var removal in disallowed.Where(r => r.FromFrame < contents.EndFrame))
        {
            var end = Math.Min(removal.ToFrame, contents.EndFrame);
            if (merged.Any(k => k.Cause == removal.Cause && k.FromFrame <= removal.FromFrame && k.ToFrame >= end))
            {
                continue;
            }

            var frames = contents.AudioRecords.Sum(r => Math.Max(0, Math.Min(end, r.EndFrame) - Math.Max(removal.FromFrame, r.StartFrame)));
            merged.Add(removal with
            {
                ToFrame = end,
                Redacted = frames > 0,
                RedactedFrames = frames,
                LateMs = Math.Max(0, nowUnixMs - origin - (removal.FromFrame / PlanFrames.FramesPerMs)),
            });
        }

        return [.. merged.OrderBy(r => r.FromFrame)];
    }
}
