using Calltrail.Recorder;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Recordings;

namespace Calltrail.Server.Recording;

/// <summary>
/// The last check before a recording's audio is served, made every time and independent of the
/// recorder's own account: the call's plan as the database has it now is mapped onto the recording,
/// and the stored audio there is read back. A recording flagged as disagreeing, one whose redaction a
/// crash interrupted, or one that holds any audio the plan does not allow is withheld (409) — and a
/// finished one is sent to be redacted.
/// </summary>
internal sealed class AudioRelease(RecordingFiles files, RecordingPlans plans, SiprecServer recorder)
{
    /// <returns>Null when the audio may be served; otherwise why not.</returns>
    public async Task<string?> WithheldBecauseAsync(StoredRecording recording, CancellationToken cancellationToken)
    {
        if (recording.Agreement is { Agrees: false } agreement)
        {
            return $"The recording holds audio its call's verdict does not allow ({agreement.Problem}); it is withheld until that audio is removed.";
        }

        if (files.RedactionPending(recording.File))
        {
            return "A redaction of this recording was interrupted and is being finished; try again shortly.";
        }

        if (await plans.FindAsync(recording.CallId, cancellationToken) is not { } plan)
        {
            return null;
        }

        using var contents = files.Open(recording.File);
        if (contents is null)
        {
            return null;
        }

        var disallowed = PlanFrames.Disallowed(plan, recording.StartedAt)
            .Where(r => r.FromFrame < contents.EndFrame)
            .Select(r => new FrameSpan(r.FromFrame, Math.Min(r.ToFrame, contents.EndFrame)))
            .ToList();
        if (!contents.HoldsAudioIn(disallowed))
        {
            return null;
        }

        if (recording.Status != RecordingStatus.Recording)
        {
            _ = Task.Run(() => recorder.Sessions.Finished.ReconcileCallAsync(recording.CallId), CancellationToken.None);
        }

        return $"The recording still holds audio that version {plan.Version} of its call's plan pauses or does not record; it is being removed. Try again shortly.";
    }
}
