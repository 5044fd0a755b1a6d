using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Calls;

/// <summary>
/// On PostgreSQL, where several servers may share the database, listens for the plans any of them commits
/// and passes them to <see cref="CallNotifications.PublishRemote"/>; on SQLite (one server) does nothing.
/// </summary>
public sealed partial class RemotePlanChanges(
    Db db, IOptions<DatabaseOptions> options, CallNotifications notifications, TimeProvider clock, ILogger<RemotePlanChanges> log)
    : BackgroundService
{
    private PlanChangeListener? listener;

    /// <summary>The listener's state; null on SQLite, or before it starts.</summary>
    public PlanListenerState? State => listener?.State;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        listener = new PlanChangeListener(
            options.Value.ConnectionString!,
            change => notifications.PublishRemote(change.CallId, change.Version),
            Resynchronise,
            clock)
        {
            Failed = (problem, retryIn) => ConnectionLost(log, problem, retryIn.TotalSeconds),
        };
        await using (listener)
        {
            await listener.RunAsync(stoppingToken);
        }
    }

    private void Resynchronise()
    {
        if (listener?.State is { Reconnects: > 0 } state)
        {
            Reconnected(log, state.Reconnects);
        }

        notifications.ResynchroniseRemote();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The connection that hears other servers' plan changes failed; connecting again in {Seconds:0.0} s (plans changed meanwhile are read again then)")]
    private static partial void ConnectionLost(ILogger logger, Exception problem, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hearing other servers' plan changes again (reconnection {Reconnects}); reading active calls' plans again")]
    private static partial void Reconnected(ILogger logger, int reconnects);
}
