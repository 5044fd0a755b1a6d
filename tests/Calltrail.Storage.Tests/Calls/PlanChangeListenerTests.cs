using System.Threading.Channels;
using Calltrail.Live;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Dapper;
using Npgsql;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>
/// The listener on a connection of its own hears what a call store commits, and only that. The channel is
/// shared by every test's schema on the test server, so each test names its calls uniquely and looks
/// for those.
/// </summary>
public sealed class PlanChangeListenerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_commit_is_heard_with_its_call_and_version_step_by_step()
    {
        await using var calls = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        var heard = new List<PlanChange>();
        var resynchronised = 0;
        await using var listener = new PlanChangeListener(PrivatePostgres.ConnectionString, heard.Add, () => resynchronised++);
        using var timeout = new CancellationTokenSource(Patience);

        await listener.RunOnceAsync(timeout.Token);
        Assert.True(listener.State.Connected);
        Assert.Equal(1, resynchronised);

        var callId = $"a call with spaces {Guid.NewGuid():N}";
        await calls.SendAsync(Started(callId, tenant: null));
        var result = await calls.SendAsync(new LiveEvent(callId, 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" });
        while (!heard.Contains(new PlanChange(callId, 2)))
        {
            await listener.RunOnceAsync(timeout.Token);
        }

        Assert.Equal(2, result.Updates.Single().PlanVersion);
        Assert.Equal([1, 2], heard.Where(c => c.CallId == callId).Select(c => c.Version));
        Assert.Equal(1, resynchronised);
    }

    [Fact]
    public async Task A_batch_whose_commit_fails_is_never_heard()
    {
        await using var calls = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var connection = await calls.Database.Db.OpenAsync())
        {
            // Checked only at COMMIT, after the batch's notices were sent inside the transaction.
            await connection.ExecuteAsync(
                """
                CREATE TABLE known_tenants (id TEXT PRIMARY KEY); -- north is a tenant, but not a known one
                ALTER TABLE calls ADD CONSTRAINT calls_tenant_known FOREIGN KEY (tenant_id) REFERENCES known_tenants (id) DEFERRABLE INITIALLY DEFERRED
                """);
        }

        await using var listening = await Listening.StartAsync(PrivatePostgres.ConnectionString);
        var doomed = $"doomed-{Guid.NewGuid():N}";
        var marker = $"marker-{Guid.NewGuid():N}";

        await Assert.ThrowsAsync<PostgresException>(() => calls.SendAsync(Started(doomed, tenant: "north")));
        await calls.SendAsync(Started(marker, tenant: null));

        // Notices arrive in commit order: had the failed batch's been delivered, it would have come first.
        var before = await listening.UntilAsync(marker);
        Assert.DoesNotContain(before, c => c.CallId == doomed);
    }

    [Fact]
    public async Task After_its_connection_is_killed_it_connects_again_resynchronises_and_hears_later_commits()
    {
        await using var calls = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        var name = $"plan-listener-{Guid.NewGuid():N}";
        var server = new NpgsqlConnectionStringBuilder(PrivatePostgres.ConnectionString) { ApplicationName = name }.ConnectionString;
        await using var listening = await Listening.StartAsync(server);
        var lost = listening.Listener.State;

        await using (var admin = new NpgsqlConnection(PrivatePostgres.ConnectionString))
        {
            await admin.OpenAsync();
            var pid = await admin.ExecuteScalarAsync<int>(
                "SELECT pid FROM pg_stat_activity WHERE application_name = @name AND query LIKE 'LISTEN%'", new { name });
            Assert.Equal(lost.BackendProcessId, pid);
            Assert.True(await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", new { pid }));
        }

        await listening.ResynchronisedAsync(times: 2);
        var state = listening.Listener.State;
        Assert.True(state.Connected);
        Assert.Equal(1, state.Reconnects);
        Assert.NotEqual(lost.BackendProcessId, state.BackendProcessId);
        Assert.NotNull(state.LastProblem);

        var callId = $"after-{Guid.NewGuid():N}";
        await calls.SendAsync(Started(callId, tenant: null));
        Assert.Contains(new PlanChange(callId, 1), await listening.UntilAsync(callId));

        await listening.StopAsync();
        Assert.False(listening.Listener.State.Connected);
    }

    private static LiveEvent Started(string callId, string? tenant) => new(callId, 1, LiveEventType.Started, LiveCalls.ConnectAt)
    {
        Start = new CallStart(
            Calltrail.Calls.Direction.Inbound,
            Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
            Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
            Calltrail.Calls.Via.TrackingNumber, null, tenant, "ana", "sales", false),
    };

    /// <summary>A listener running its loop in the background, its notices and resynchronisations queued for the test to wait on.</summary>
    private sealed class Listening : IAsyncDisposable
    {
        private readonly Channel<PlanChange> changes = Channel.CreateUnbounded<PlanChange>();
        private readonly Channel<int> resyncs = Channel.CreateUnbounded<int>();
        private readonly CancellationTokenSource stop = new();
        private int resynchronised;
        private Task running = Task.CompletedTask;

        private Listening(string connectionString)
        {
            Listener = new PlanChangeListener(
                connectionString, c => changes.Writer.TryWrite(c), () => resyncs.Writer.TryWrite(Interlocked.Increment(ref resynchronised)));
        }

        public PlanChangeListener Listener { get; }

        /// <summary>Returns once the listener is listening: only then are commits sure to be heard.</summary>
        public static async Task<Listening> StartAsync(string connectionString)
        {
            var listening = new Listening(connectionString);
            listening.running = Task.Run(() => listening.Listener.RunAsync(listening.stop.Token));
            await listening.ResynchronisedAsync(times: 1);
            return listening;
        }

        public async Task ResynchronisedAsync(int times)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (await resyncs.Reader.ReadAsync(timeout.Token) < times)
            {
            }
        }

        /// <summary>Everything heard up to and including the first notice about <paramref name="callId"/>.</summary>
        public async Task<List<PlanChange>> UntilAsync(string callId)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var heard = new List<PlanChange>();
            do
            {
                heard.Add(await changes.Reader.ReadAsync(timeout.Token));
            }
            while (heard[^1].CallId != callId);
            return heard;
        }

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await running.WaitAsync(Patience);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await Listener.DisposeAsync();
            stop.Dispose();
        }
    }
}
