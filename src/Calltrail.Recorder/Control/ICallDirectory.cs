using Calltrail.Live;

namespace Calltrail.Recorder.Control;

/// <summary>The service as the recorder sees it: a call's plan as it now stands, if it knows the call.</summary>
public interface ICallDirectory
{
    /// <summary>The call's current plan, or null when the service has not heard of the call (or only of events before its start).</summary>
    Task<RecordingPlan?> FindAsync(string callId, CancellationToken cancellationToken);
}
