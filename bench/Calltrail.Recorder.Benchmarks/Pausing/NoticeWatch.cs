using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Calltrail.Recorder.Benchmarks.Pausing;

/// <summary>
/// A third listener on the servers' channel (<c>LISTEN calltrail_plans</c>), as every server's
/// PlanChangeListener is one: when each '&lt;version&gt; &lt;callId&gt;' notice reached a client of the
/// database. The recording server hears the same notice at about the same moment; what follows on it
/// (reading the plan, applying it) is the rest of the cross-server path.
/// </summary>
public sealed class NoticeWatch : IAsyncDisposable
{
    private const string Channel = "calltrail_plans";
    private readonly ConcurrentDictionary<(string CallId, long Version), DateTimeOffset> heard = new();
    private readonly NpgsqlConnection connection;
    private readonly CancellationTokenSource stopping = new();
    private Task? listening;

    private NoticeWatch(string connectionString)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            var at = DateTimeOffset.UtcNow;
            var parts = e.Payload.Split(' ', 2);
            if (e.Channel == Channel && parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                heard.TryAdd((parts[1], version), at);
            }
        };
    }

    public static async Task<NoticeWatch> StartAsync(string connectionString)
    {
        var watch = new NoticeWatch(connectionString);
        await watch.connection.OpenAsync();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", watch.connection))
        {
            await listen.ExecuteNonQueryAsync();
        }

        watch.listening = Task.Run(watch.ListenAsync);
        return watch;
    }

    /// <summary>When the notice of <paramref name="callId"/> at <paramref name="version"/> arrived, if it did.</summary>
    public DateTimeOffset? HeardAt(string callId, long version) => heard.TryGetValue((callId, version), out var at) ? at : null;

    private async Task ListenAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await connection.WaitAsync(stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (listening is not null)
        {
            await listening;
        }

        await connection.DisposeAsync();
        stopping.Dispose();
    }
}
