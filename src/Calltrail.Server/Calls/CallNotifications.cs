using System.Threading.Channels;
using Calltrail.Live;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Calls;

/// <summary>An instruction to the recorder about one call, from the call's plan version <paramref name="Version"/>.</summary>
public sealed record RecorderInstruction(string CallId, string Action, string? Cause, string? Tenant, long Version);

/// <summary>
/// Proof that a committed batch was handed to every watcher (the in-process recorder) and stream. Only
/// <see cref="CallNotifications.Publish"/> makes one, and ingestion needs one to answer a batch's senders:
/// so when a payment screen's request hears 200, the recorder has already paused — held by the types,
/// not by a comment.
/// </summary>
public readonly struct Published
{
    internal Published(int updates) => Updates = updates;

    public int Updates { get; }
}

/// <summary>A message for an employee's desktop: announce the recording, it paused or resumed, a payment is not protected.</summary>
public sealed record DesktopMessage(string Type, string CallId, string Employee, string? Tenant, string? Cause = null);

/// <summary>
/// Tells whoever listens what the service decided: the recorder (what to do with a call's audio) and
/// employees' desktops. Live only — a listener hears what happens while it listens; what a call's
/// recording should be is always in its recording plan (GET /api/calls/{id}). A listener that falls
/// far behind loses its oldest messages rather than slowing ingestion down.
/// </summary>
public sealed class CallNotifications
{
    private const int Backlog = 10_000;
    private readonly Lock gate = new();
    private readonly List<Channel<RecorderInstruction>> recorders = [];
    private readonly List<Channel<DesktopMessage>> desktops = [];
    private readonly List<Action<IReadOnlyList<CallUpdate>>> watchers = [];
    private readonly List<RemoteWatcher> remoteWatchers = [];

    public Subscription<RecorderInstruction> SubscribeRecorder() => Subscribe(recorders);

    public Subscription<DesktopMessage> SubscribeDesktop() => Subscribe(desktops);

    /// <summary>
    /// Hands every batch of updates to <paramref name="watcher"/> synchronously, before any stream hears
    /// of them and without a queue that could drop one: the in-process recorder pauses within a packet.
    /// The watcher must be quick and must not throw.
    /// </summary>
    public IDisposable Watch(Action<IReadOnlyList<CallUpdate>> watcher)
    {
        lock (gate)
        {
            watchers.Add(watcher);
        }

        return new Unwatch(() =>
        {
            lock (gate)
            {
                watchers.Remove(watcher);
            }
        });
    }

    /// <summary>
    /// Hears of plans other servers on the same PostgreSQL database committed (this server's own commits
    /// too: a notice cannot tell them apart): <paramref name="onChange"/> gets the call id and its plan
    /// version, to read the plan from the database; <paramref name="onResync"/> is called when notices may
    /// have been lost (the listener's connection was down), to read again every plan the watcher cares
    /// about. Never called on SQLite (one server). Both must be quick and must not throw.
    /// </summary>
    public IDisposable WatchRemote(Action<string, long> onChange, Action onResync)
    {
        var watcher = new RemoteWatcher(onChange, onResync);
        lock (gate)
        {
            remoteWatchers.Add(watcher);
        }

        return new Unwatch(() =>
        {
            lock (gate)
            {
                remoteWatchers.Remove(watcher);
            }
        });
    }

    /// <summary>A server committed a new plan for <paramref name="callId"/>, at <paramref name="version"/>.</summary>
    public void PublishRemote(string callId, long version)
    {
        foreach (var watcher in RemoteWatching())
        {
            watcher.OnChange(callId, version);
        }
    }

    /// <summary>Notices may have been missed: every remote watcher reads its plans again.</summary>
    public void ResynchroniseRemote()
    {
        foreach (var watcher in RemoteWatching())
        {
            watcher.OnResync();
        }
    }

    public Published Publish(IReadOnlyList<CallUpdate> updates)
    {
        Action<IReadOnlyList<CallUpdate>>[] watching;
        lock (gate)
        {
            watching = [.. watchers];
        }

        foreach (var watcher in watching)
        {
            watcher(updates);
        }

        foreach (var update in updates)
        {
            foreach (var action in RecorderActions.Between(update.AudioBefore, update.Judgement.AudioNow))
            {
                var cause = action == RecorderAction.Pause && update.Judgement.PauseCauseNow is { } c ? ServiceNames.PauseCauses.NameOf(c) : null;
                Send(recorders, new RecorderInstruction(update.CallId, ServiceNames.RecorderActions.NameOf(action), cause, update.Tenant, update.Plan.Version));
                if (update.Employee is { } employee && action is RecorderAction.Pause or RecorderAction.Resume)
                {
                    Send(desktops, new DesktopMessage(action == RecorderAction.Pause ? "recording-paused" : "recording-resumed",
                        update.CallId, employee, update.Tenant, cause));
                }
            }

            if (update.Employee is { } agent)
            {
                if (update.AnnounceNow)
                {
                    Send(desktops, new DesktopMessage("announce-recording", update.CallId, agent, update.Tenant));
                }

                if (update.Judgement.PaymentUnprotectedNow)
                {
                    Send(desktops, new DesktopMessage("payment-not-protected", update.CallId, agent, update.Tenant));
                }
            }
        }
    
        return new Published(updates.Count);
    }

    private RemoteWatcher[] RemoteWatching()
    {
        lock (gate)
        {
            return [.. remoteWatchers];
        }
    }

    private Subscription<T> Subscribe<T>(List<Channel<T>> listeners)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            listeners.Add(channel);
        }

        return new Subscription<T>(channel.Reader, () =>
        {
            lock (gate)
            {
                listeners.Remove(channel);
            }
        });
    }

    private void Send<T>(List<Channel<T>> listeners, T message)
    {
        lock (gate)
        {
            foreach (var listener in listeners)
            {
                listener.Writer.TryWrite(message);
            }
        }
    }
}

/// <summary>A class, not a record: two watchers with the same callbacks are still two registrations.</summary>
internal sealed class RemoteWatcher(Action<string, long> onChange, Action onResync)
{
    public Action<string, long> OnChange { get; } = onChange;

    public Action OnResync { get; } = onResync;
}

internal sealed class Unwatch(Action stop) : IDisposable
{
    public void Dispose() => stop();
}

/// <summary>A listener's messages; dispose to stop listening.</summary>
public sealed class Subscription<T>(ChannelReader<T> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<T> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
