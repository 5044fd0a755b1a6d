using System.Net;
using Calltrail.Server.Calls;
using Calltrail.Storage.Calls;
using Calltrail.TestKit.Waiting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Calltrail.Server.Tests.Calls.CallEvents;
using TestServer = Calltrail.Server.Tests.Support.TestServer;

namespace Calltrail.Server.Tests.Calls;

/// <summary>
/// Group commit stores many senders' requests in one transaction; one request the database still
/// refuses must fail that request alone, never the others it shared a batch with (issue 10, finding 2).
/// </summary>
public sealed class GroupCommitTests
{
    private const int Good = 160;
    private const int Poisoned = 20;

    [Fact]
    public async Task A_request_the_database_refuses_fails_alone_and_every_good_request_in_its_batch_is_stored()
    {
        using var server = new TestServer(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(sp => new PoisonedStore(sp.GetRequiredService<CallStore>()));
            s.AddSingleton<IEventBatchStore>(sp => sp.GetRequiredService<PoisonedStore>());
        }));
        var store = server.Services.GetRequiredService<PoisonedStore>();
        var ingestion = server.Services.GetRequiredService<EventIngestion>();
        var client = server.Admin();

        // The first request holds the writer, so every other request queues behind it and they all share the next batch.
        var first = SendAsync(client, Started("first", tenant: null, queue: null));
        await store.Entered.Task.WaitAsync(Eventually.Patience);
        var sent = Enumerable.Range(0, Good + Poisoned)
            .Select(i => i < Good ? $"good-{i}" : $"poison-{i}")
            .Select(callId => (CallId: callId, Answer: Task.Run(() => SendAsync(client, Started(callId, tenant: null, queue: null)))))
            .ToList();
        await Eventually.TrueAsync(() => ingestion.Queued == Good + Poisoned, "every request queued behind the first");
        store.Release.SetResult();

        using var firstAnswer = await first;
        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        foreach (var (callId, answer) in sent)
        {
            using var response = await answer;
            Assert.Equal(callId.StartsWith("good-", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        Assert.Equal(Good + 1, await StoredCallsAsync(server));
    }

    private static async Task<long> StoredCallsAsync(TestServer server)
    {
        await using var connection = await server.Db.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM calls");
    }

    /// <summary>
    /// The real store, except that a batch holding a call named <c>poison-…</c> fails as a transaction fails on a
    /// row the database refuses; and the first batch waits for <see cref="Release"/>.
    /// </summary>
    private sealed class PoisonedStore(CallStore inner) : IEventBatchStore
    {
        private int batches;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<BatchResult> ApplyAsync(IReadOnlyList<EventSubmission> submissions, long receivedAt, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            if (submissions.Any(s => s.Events.Any(e => e.CallId.StartsWith("poison-", StringComparison.Ordinal))))
            {
                throw new InvalidOperationException("the database refused a row of this batch");
            }

            return await inner.ApplyAsync(submissions, receivedAt, cancellationToken);
        }
    }
}
