using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Recording;

/// <summary>The service's calls as the recorder asks about them: what to do with a call's audio right now.</summary>
internal sealed class CallDirectory(RecorderViews views) : ICallDirectory
{
    public async Task<CallInstruction?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        var view = await views.FindAsync(callId, cancellationToken);
        return view is null || view.Status == LiveCallStatus.AwaitingStart
            ? null
            : new CallInstruction(view.CallId, view.State, view.PauseCause, view.Status == LiveCallStatus.Ended, view.Tenant);
    }

    /// <summary>The instruction an update carries; null for a call that has not started (the recorder cannot act on it yet).</summary>
    public static CallInstruction? InstructionOf(CallUpdate update)
    {
        var judgement = update.Judgement;
        if (judgement.Status == LiveCallStatus.AwaitingStart)
        {
            return null;
        }

        var cause = judgement.PauseCause is { } c ? ServiceNames.PauseCauses.NameOf(c) : null;
        var since = judgement.PausedSince is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new CallInstruction(update.CallId, judgement.Recorder, cause, judgement.Status == LiveCallStatus.Ended, update.Tenant, since);
    }
}
