using Calltrail.Live;

namespace Calltrail.Recorder.Control;

/// <summary>
/// What the service says about a call's audio right now: record, pause (and why), not yet, no longer,
/// or the call is over. The recorder obeys the latest one it was given.
/// </summary>
/// <param name="Tenant">The call's tenant, kept on its recording for tenant-limited listeners.</param>
/// <param name="PausedSince">
/// While paused: when the pause began by the events' own clock. Audio from then on that the recorder
/// still holds in memory is dropped too, so the pause does not wait for the event's journey.
/// </param>
public sealed record CallInstruction(string CallId, RecorderState State, string? PauseCause, bool Ended, string? Tenant, DateTimeOffset? PausedSince = null);

/// <summary>The service as the recorder sees it: what it currently says about a call, if it knows the call.</summary>
public interface ICallDirectory
{
    /// <summary>The call's current instruction, or null when the service has not heard of the call (or only of events before its start).</summary>
    Task<CallInstruction?> FindAsync(string callId, CancellationToken cancellationToken);
}
