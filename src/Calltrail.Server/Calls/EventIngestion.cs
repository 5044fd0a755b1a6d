using System.Threading.Channels;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Calls;

/// <summary>
/// Group commit for call events. Requests queue here; one writer takes whatever has queued, stores it
/// in a single transaction, and only then answers each request. A durable commit costs about the same
/// for one event as for hundreds, so throughput grows with load while every 2xx still means "on disk".
/// </summary>
public sealed partial class EventIngestion(IEventBatchStore store, CallNotifications notifications, TimeProvider clock, ILogger<EventIngestion> log)
    : BackgroundService
{
    /// <summary>Requests per transaction: large enough to amortize the commit, small enough to answer fast.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Requests queued and not yet taken by the writer (for tests that need a batch to fill first).</summary>
    internal int Queued => queue.Reader.Count;

    public async Task<SubmissionResult> SubmitAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        var pending = new Pending(submission, new TaskCompletionSource<SubmissionResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Result.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await StoreAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: requests still queued were never stored; fail them so their senders retry.
            foreach (var pending in batch)
            {
                pending.Result.TrySetCanceled(stoppingToken);
            }

            while (queue.Reader.TryRead(out var left))
            {
                left.Result.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task StoreAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        BatchResult result;
        try
        {
            result = await store.ApplyAsync([.. batch.Select(p => p.Submission)], clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            // Nothing of the batch committed. Requests were validated before they queued, but should one
            // still make the transaction fail, it must not fail the others with it: each goes again alone.
            BatchFailed(log, e, batch.Count);
            foreach (var pending in batch)
            {
                await StoreAsync([pending], cancellationToken);
            }

            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Alone, and still not stored: the sender hears so and may retry.
            StoreFailed(log, e);
            batch[0].Result.TrySetException(new IngestionUnavailableException(e));
            return;
        }

        Published published;
        try
        {
            published = notifications.Publish(result.Updates);
        }
        catch (Exception e)
        {
            // Committed is committed: the senders hear so even if a listener failed.
            PublishFailed(log, e, result.Updates.Count);
            published = default;
        }

        Answer(batch, result, published);
    }

    /// <summary>Answers a batch's senders; only a published batch can be answered (see <see cref="Published"/>).</summary>
    private static void Answer(List<Pending> batch, BatchResult result, Published published)
    {
        _ = published;
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Result.TrySetResult(result.Submissions[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telling listeners about {Count} committed call update(s) failed")]
    private static partial void PublishFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} call-event requests failed; storing each on its own")]
    private static partial void BatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a call-event request failed; none of it was stored")]
    private static partial void StoreFailed(ILogger logger, Exception exception);

    private sealed record Pending(EventSubmission Submission, TaskCompletionSource<SubmissionResult> Result);
}

/// <summary>The database could not take the events; nothing was stored.</summary>
public sealed class IngestionUnavailableException(Exception inner)
    : Exception("The call events could not be stored; nothing was stored. Retry.", inner);
