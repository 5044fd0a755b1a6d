using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Reconciling;

/// <summary>
/// Recordings once they are finished: each is checked against its call's latest plan (read from the
/// service, which may be newer than any the recording was handed), redacted if need be, and reported to
/// the catalog; and when a call's plan changes after hangup, its finished recordings are checked again.
/// Keeps which calls it finished lately, so a late plan for one of them is noticed.
/// </summary>
public sealed partial class FinishedRecordings(RecordingFiles files, ICallDirectory calls, IRecordingCatalog catalog, TimeProvider time, ILogger logger)
{
    private readonly RecordingReconciler reconciler = new(files, time);
    private readonly RecentCalls recent = new();

    /// <summary>Whether <paramref name="callId"/> has a recording this recorder finished lately that plan <paramref name="version"/> is newer than.</summary>
    public bool Owes(string callId, long version) => recent.Owes(callId, version);

    /// <summary>A recording just finished: checked against the call's latest plan and reported.</summary>
    public async Task ReportAsync(RecordingStarted recording)
    {
        var plan = await LatestPlanAsync(recording.CallId);
        var finished = await reconciler.ReconcileAsync(recording, plan);
        recent.Checked(recording.CallId, plan?.Version ?? 0);
        await catalog.FinishedAsync(finished, CancellationToken.None);
        LogFinished(logger, finished.Id, recording.CallId, finished.DurationMs, finished.Paused.Count, finished.Complete, finished.Agreement?.Agrees);
    }

    /// <summary>A recording a crash left unfinished: checked against the call's plan, reported incomplete.</summary>
    public async Task RecoverAsync(RecordingStarted recording, CancellationToken cancellationToken)
    {
        var plan = await LatestPlanAsync(recording.CallId);
        var finished = await reconciler.ReconcileAsync(recording, plan);
        recent.Checked(recording.CallId, plan?.Version ?? 0);
        await catalog.FinishedAsync(finished with { Complete = false }, cancellationToken);
        LogRecovered(logger, finished.Id, recording.CallId, finished.DurationMs, finished.Paused.Count);
    }

    /// <summary>A call whose plan changed after its recordings finished: each is checked against the latest plan, redacted if need be, and reported again.</summary>
    public async Task ReconcileCallAsync(string callId)
    {
        try
        {
            var plan = await LatestPlanAsync(callId);
            foreach (var recording in await catalog.FinishedOfCallAsync(callId, CancellationToken.None))
            {
                var finished = await reconciler.ReconcileAsync(recording, plan);
                await catalog.FinishedAsync(finished, CancellationToken.None);
                if (finished.Agreement is { Agrees: false } || finished.Paused.Any(p => p.Redacted))
                {
                    LogReconciled(logger, finished.Id, callId, plan?.Version ?? 0, finished.Agreement?.Agrees ?? true);
                }
            }

            if (plan is not null)
            {
                recent.Checked(callId, plan.Version);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileFailed(logger, e, callId);
        }
    }

    /// <summary>The call's plan as the service now has it; null when unknown or unreachable (the recording is then reported unchecked).</summary>
    private async Task<RecordingPlan?> LatestPlanAsync(string callId)
    {
        try
        {
            return await calls.FindAsync(callId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLookupFailed(logger, e, callId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {RecordingId} of call {CallId} finished: {DurationMs} ms, {Paused} paused span(s), complete: {Complete}, agrees with the verdict: {Agrees}")]
    private static partial void LogFinished(ILogger logger, string recordingId, string callId, long durationMs, int paused, bool complete, bool? agrees);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingId} of call {CallId} was cut short by a restart: kept {DurationMs} ms, {Paused} paused span(s), marked incomplete")]
    private static partial void LogRecovered(ILogger logger, string recordingId, string callId, long durationMs, int paused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingId} of call {CallId} checked again against plan version {Version} after hangup (redacted, or disagreeing): agrees {Agrees}")]
    private static partial void LogReconciled(ILogger logger, string recordingId, string callId, long version, bool agrees);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the finished recordings of call {CallId} against its plan failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception e, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up the plan of call {CallId} failed")]
    private static partial void LogLookupFailed(ILogger logger, Exception e, string callId);
}
