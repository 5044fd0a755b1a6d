using Npgsql;

namespace Calltrail.Storage.Calls;

/// <summary>What the listener is doing, for the health check and logs.</summary>
/// <param name="Connected">Listening now.</param>
/// <param name="Since">When it last connected or lost its connection.</param>
/// <param name="Reconnects">Connections made after the first.</param>
/// <param name="BackendProcessId">The PostgreSQL backend listening (0 when not connected).</param>
/// <param name="LastProblem">Why it last lost its connection, if it has.</param>
public sealed record PlanListenerState(bool Connected, DateTimeOffset Since, int Reconnects, int BackendProcessId, string? LastProblem);

/// <summary>
/// Hears, on a PostgreSQL connection of its own, every call plan any server commits (<see cref="PlanChanges"/>),
/// and hands each to <c>changed</c>. A notice sent while the connection is down is lost for good, so after
/// every connection — the first too, since notices sent before it are lost as well — it calls
/// <c>resynchronise</c> once it is listening: whoever acts on plans reads again the ones it cares about.
/// A lost connection is made again after a capped, doubling wait.
/// </summary>
/// <remarks>
/// <see cref="RunAsync"/> is a loop around <see cref="RunOnceAsync"/>, one step at a time; neither may be
/// called while the other runs. The callbacks run on the listening loop: they must be quick.
/// </remarks>
public sealed class PlanChangeListener(string connectionString, Action<PlanChange> changed, Action resynchronise, TimeProvider? clock = null)
    : IAsyncDisposable
{
    /// <summary>The application name the listening connection shows in <c>pg_stat_activity</c>, unless the connection string names one.</summary>
    public const string ApplicationName = "calltrail plan listener";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly List<PlanChange> heard = [];
    private NpgsqlConnection? connection;
    private bool everConnected;
    private int failures;
    private volatile PlanListenerState state = new(false, (clock ?? TimeProvider.System).GetUtcNow(), 0, 0, null);

    /// <summary>
    /// A connection that hears nothing for this long is asked a trivial query, so one that died silently
    /// (a cut network, no reset) is noticed rather than waited on forever.
    /// </summary>
    public TimeSpan ProbeEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts to connect again.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Told of each lost connection (or failed attempt) and how long until the next attempt: for logs.</summary>
    public Action<Exception, TimeSpan>? Failed { get; init; }

    public PlanListenerState State => state;

    /// <summary>Listens until cancelled, connecting again whenever the connection is lost; returns on cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var wait = await DisconnectAsync(e);
                    Failed?.Invoke(e, wait);
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: nothing is half done; the connection is closed below.
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>
    /// One step: connect, listen and resynchronise when not connected; otherwise wait for notices (up to
    /// <see cref="ProbeEvery"/>, then probe the connection) and hand on those heard. Throws when the
    /// connection fails; the next step connects again.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            await ConnectAsync(cancellationToken);
            return;
        }

        if (!await connection.WaitAsync(ProbeEvery, cancellationToken))
        {
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(cancellationToken);
        }

        // The connection has proved itself: a later loss starts the backoff from the beginning again.
        failures = 0;
        var changes = heard.ToArray();
        heard.Clear();
        foreach (var change in changes)
        {
            changed(change);
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        var opened = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await opened.OpenAsync(cancellationToken);
            opened.Notification += OnNotification;
            await using var listen = new NpgsqlCommand($"LISTEN {PlanChanges.Channel}", opened);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }

        connection = opened;
        state = new PlanListenerState(true, time.GetUtcNow(), state.Reconnects + (everConnected ? 1 : 0), opened.ProcessID, state.LastProblem);
        everConnected = true;
        resynchronise();
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        // Collected here and handed on after the wait returns: the callbacks never run inside Npgsql's read.
        if (e.Channel == PlanChanges.Channel && PlanChanges.TryRead(e.Payload, out var change))
        {
            heard.Add(change);
        }
    }

    /// <summary>Drops the broken connection (and anything heard on it but not handed on: resynchronising covers it); returns the wait before the next attempt.</summary>
    private async Task<TimeSpan> DisconnectAsync(Exception problem)
    {
        await CloseAsync();
        heard.Clear();
        failures++;
        state = state with { Connected = false, Since = time.GetUtcNow(), BackendProcessId = 0, LastProblem = problem.Message };
        var doubled = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 16));
        return doubled < MaxBackoff ? doubled : MaxBackoff;
    }

    private async Task CloseAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            open.Notification -= OnNotification;
            await open.DisposeAsync();
            state = state with { Connected = false, Since = time.GetUtcNow(), BackendProcessId = 0 };
        }
    }
}
