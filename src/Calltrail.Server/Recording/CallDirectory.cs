using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Recording;

/// <summary>The service's calls as the recorder asks about them: a call's plan as the database now has it.</summary>
internal sealed class CallDirectory(RecordingPlans plans) : ICallDirectory
{
    public Task<RecordingPlan?> FindAsync(string callId, CancellationToken cancellationToken) => plans.FindAsync(callId, cancellationToken);
}
