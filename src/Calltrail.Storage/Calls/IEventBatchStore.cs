namespace Calltrail.Storage.Calls;

/// <summary>Where group commit stores a batch of requests: <see cref="CallStore"/>, or a test's stand-in that fails on cue.</summary>
public interface IEventBatchStore
{
    /// <summary>Stores every request's admissible events in one transaction; throws if nothing could be stored.</summary>
    Task<BatchResult> ApplyAsync(IReadOnlyList<EventSubmission> submissions, long receivedAt, CancellationToken cancellationToken = default);
}
