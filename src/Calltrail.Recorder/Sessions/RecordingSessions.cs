using System.Net;
using Calltrail.Recorder.Admission;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Live;
using Calltrail.Live;
using Calltrail.Recorder.Media;
using Calltrail.Recorder.Reconciling;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Signaling;
using Calltrail.Recorder.Sip;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Sessions;

/// <summary>
/// The recording server's SIP side (RFC 7866 §6, as the SRS): answers INVITE, re-INVITE, ACK, BYE,
/// CANCEL and OPTIONS; keeps each recording session's dialog, streams and recording; links sessions to
/// the service's calls and passes the service's instructions on to them.
/// </summary>
public sealed partial class RecordingSessions(
    RecorderOptions options, RecordingFiles files, ICallDirectory calls, IRecordingCatalog catalog, TimeProvider time, ILogger logger)
    : IDisposable
{
    private const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS";
    private static readonly string[] KnownMethods = ["REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "INFO", "UPDATE", "PRACK", "REFER", "PUBLISH"];

    private readonly ServerTransactions transactions = new(time);
    private readonly Dictionary<string, RecordingSession> dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordingSession> byCall = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly RtpPorts ports = new(IPAddress.Parse(options.ListenAddress), options.RtpPortMin, options.RtpPortMax);
    private readonly RtpPoller poller = new(time, options.RtpPollInterval, new RtpDoor(SourceNetworks.Of(options.AllowedSources), time, logger));
    private readonly FinishedRecordings finishedRecordings = new(files, calls, catalog, time, logger);
    private readonly FrontDoor frontDoor = new(options, time, logger);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return dialogs.Count;
            }
        }
    }

    /// <summary>The sessions now open (a snapshot).</summary>
    public IReadOnlyList<RecordingSession> Sessions
    {
        get
        {
            lock (gate)
            {
                return [.. dialogs.Values];
            }
        }
    }

    /// <summary>One message from a transport.</summary>
    public async Task ReceiveAsync(SipPeer peer, ReadOnlyMemory<byte> bytes)
    {
        if (!frontDoor.Admits(peer))
        {
            await frontDoor.TurnAwayAsync(peer, bytes);
            return;
        }

        var parsed = SipParser.Parse(bytes.Span);
        if (parsed.Message is not { } request)
        {
            if (parsed.Error is { } error && SipResponse.ToError(error) is { } reply)
            {
                // RFC 3261 §8.2.6.2: a final response carries a To tag (kept as is when the request's To has one).
                await peer.SendAsync(reply.WithToTag(NewTag()).ToBytes(), CancellationToken.None);
            }

            return;
        }

        if (!request.IsRequest)
        {
            return; // The recorder sends no requests, so a response is for nobody here.
        }

        if (request.Method == "ACK")
        {
            Acknowledge(request);
            return;
        }

        if (transactions.Find(request) is { } retransmitted)
        {
            await retransmitted.ResendAsync();
            return;
        }

        var transaction = transactions.Begin(request, peer);
        await (request.Method switch
        {
            "INVITE" when request.ToTag is null => InviteAsync(transaction),
            "INVITE" => ReInviteAsync(transaction),
            "BYE" => ByeAsync(transaction),
            "CANCEL" => CancelAsync(transaction),
            "OPTIONS" => RespondAsync(transaction, 200, "OK", r => Capabilities(r)),
            _ when KnownMethods.Contains(request.Method) => RespondAsync(transaction, 405, "Method Not Allowed", r => r.WithHeader("Allow", Allow)),
            _ => RespondAsync(transaction, 501, "Not Implemented", r => r.WithHeader("Allow", Allow)),
        });
    }

    /// <summary>Who may record and what each source holds.</summary>
    public FrontDoor FrontDoor => frontDoor;

    /// <summary>The recordings once finished: checked against their calls' plans, reported, checked again when a plan changes after hangup.</summary>
    public FinishedRecordings Finished => finishedRecordings;

    /// <summary>
    /// Whether a plan change of <paramref name="callId"/> at <paramref name="version"/>, heard from another
    /// server, matters here: a session records (or waits for) the call and has not applied that version
    /// yet, or the call's recording finished here lately.
    /// </summary>
    public bool Follows(string callId, long version)
    {
        lock (gate)
        {
            return byCall.TryGetValue(callId, out var session) ? session.Recording.PlanVersion < version : finishedRecordings.Owes(callId, version);
        }
    }

    /// <summary>Every call id a session here records or waits for: whose plans to read again after notices may have been lost.</summary>
    public IReadOnlyList<string> FollowedCalls
    {
        get
        {
            lock (gate)
            {
                return [.. byCall.Keys];
            }
        }
    }

    /// <summary>
    /// A call's plan as of one committed change: links a waiting session and is applied to its recording
    /// (an older plan than the one in force is ignored). For a call whose recording already finished
    /// here, the finished file is brought into line with the plan instead (a late event after hangup).
    /// </summary>
    public void Apply(RecordingPlan plan)
    {
        RecordingSession? session;
        lock (gate)
        {
            if (!byCall.TryGetValue(plan.CallId, out session))
            {
                if (finishedRecordings.Owes(plan.CallId, plan.Version))
                {
                    _ = Task.Run(() => finishedRecordings.ReconcileCallAsync(plan.CallId));
                }

                return;
            }

            LinkLocked(session, plan.CallId);
        }

        session.Recording.Apply(plan, time.GetTimestamp());
        if (session.Recording.Id is not null && session.Recording.Setup.Registration is null)
        {
            // A recording that just began is registered off this thread (it commits events; a database call would hold them up).
            _ = Task.Run(session.Recording.StartRegistration);
        }

        if (session.Recording.IsEnding && !session.Recording.IsFinished)
        {
            // Closing the file waits on the disk and the catalog: not on the thread that commits events.
            _ = Task.Run(() => FinishRecordingAsync(session, complete: true));
        }
    }

    /// <summary>The periodic work: write settled audio, resend unacknowledged 2xx, end sessions without media or gone idle.</summary>
    public async Task TickAsync()
    {
        var now = time.GetTimestamp();
        foreach (var session in Sessions)
        {
            session.Recording.Tick(now);
            var withoutMedia = time.GetElapsedTime(Math.Max(session.MediaDueSince, session.LastPacketTimestamp), now);
            switch (SessionExpiries.Of(session.ClientSending, withoutMedia, time.GetElapsedTime(session.LastActivity, now), options))
            {
                case SessionExpiry.NoMedia:
                    LogNoMedia(logger, session.SipCallId, session.Source, withoutMedia, session.PortCount);
                    await EndAsync(session, complete: true);
                    break;
                case SessionExpiry.Idle:
                    LogIdle(logger, session.SipCallId, options.IdleTimeout);
                    await EndAsync(session, complete: false);
                    break;
            }
        }

        foreach (var unacknowledged in await transactions.SweepAsync())
        {
            if (Find(unacknowledged.Request) is { } session)
            {
                await EndAsync(session, complete: false);
            }
        }
    }

    /// <summary>Stops the RTP thread (after <see cref="EndAllAsync"/>).</summary>
    public void Dispose() => poller.Dispose();

    /// <summary>Ends every session (shutting down): each recording is closed as incomplete and reported.</summary>
    public async Task EndAllAsync()
    {
        foreach (var session in Sessions)
        {
            await EndAsync(session, complete: false);
        }
    }

    private async Task InviteAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!transaction.Peer.IsReliable)
        {
            await transaction.RespondAsync(SipResponse.To(request, 100, "Trying"), 100, time.GetTimestamp());
        }

        if (UnsupportedExtensions(request) is { Length: > 0 } unsupported)
        {
            await RespondAsync(transaction, 420, "Bad Extension", r => r.WithHeader("Unsupported", unsupported));
            return;
        }

        var (offer, refusal) = SessionOffer.Read(request);
        if (refusal is not null || offer is null)
        {
            await RefuseAsync(transaction, refusal!);
            return;
        }

        if (offer.CallIds.Count == 0)
        {
            await RefuseAsync(transaction, SipRefusal.BadRequest(
                $"recording metadata names no call: add an extension element <callid> to the session, a sipSessionID, or a {SessionOffer.CallIdHeader} header"));
            return;
        }

        var source = FrontDoor.SourceOf(transaction.Peer);
        if (Busy(offer.CallIds, source) is { } busy)
        {
            await RefuseBusyAsync(transaction, busy);
            return;
        }

        var ports = offer.Sdp.Media.Count(SessionOffer.Recordable);
        if (frontDoor.TryTake(source, ports) is { } full)
        {
            await RespondAsync(transaction, 503, "Service Unavailable", r => r.WithHeader("Retry-After", RetryAfterSeconds)
                .WithHeader("Warning", $"399 calltrail \"{full}\""));
            return;
        }

        var session = await OpenAsync(transaction, offer, source);
        if (session is null)
        {
            frontDoor.Give(source, ports);
            return;
        }

        await LinkAsync(session);
        if (transaction.Cancelled.IsCancellationRequested)
        {
            await EndAsync(session, complete: false);
            await RespondAsync(transaction, 487, "Request Terminated");
            return;
        }

        await AnswerAsync(transaction, session, offer);
        foreach (var receiver in session.Receivers)
        {
            receiver?.Start(session.Recording);
        }
    }

    private static string? UnsupportedExtensions(SipMessage request)
    {
        var required = request.HeaderValues("Require")
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(tag => !tag.Equals("siprec", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return required.Count == 0 ? null : string.Join(", ", required);
    }

    /// <summary>
    /// The call a new session may not record because another session does: one from a different source
    /// that names it at all (linked or still waiting for the call), or one from the same source already
    /// linked to it. The session there first keeps recording either way.
    /// </summary>
    private BusyCall? Busy(IReadOnlyList<string> callIds, IPAddress source)
    {
        lock (gate)
        {
            return BusyLocked(callIds, source);
        }
    }

    /// <summary>Makes a session known by its dialog and its call ids (under the gate, after <see cref="BusyLocked"/>).</summary>
    private void Register(RecordingSession session, IReadOnlyList<string> callIds)
    {
        dialogs[RecordingSession.DialogKey(session.SipCallId, session.LocalTag)] = session;
        foreach (var id in callIds)
        {
            byCall.TryAdd(id, session);
        }
    }

    private BusyCall? BusyLocked(IReadOnlyList<string> callIds, IPAddress source)
    {
        foreach (var id in callIds)
        {
            if (byCall.TryGetValue(id, out var s) && !s.Recording.IsFinished && !s.Recording.IsEnding)
            {
                if (!s.Source.Equals(source))
                {
                    return new BusyCall(id, s.Source);
                }

                if (s.CallId == id)
                {
                    return new BusyCall(id, null);
                }
            }
        }

        return null;
    }

    private Task RefuseBusyAsync(ServerTransaction transaction, BusyCall busy)
    {
        if (busy.OtherSource is { } other)
        {
            // Not the other source's address: the refused client learns only that someone else records the call.
            LogSecondSource(logger, busy.CallId, FrontDoor.SourceOf(transaction.Peer), other);
            return RefuseAsync(transaction, new SipRefusal(486, "Busy Here", $"call {busy.CallId} is already being recorded from another source"));
        }

        return RefuseAsync(transaction, new SipRefusal(486, "Busy Here", $"call {busy.CallId} is already being recorded by another session"));
    }

    /// <summary>A call another session records; <see cref="OtherSource"/> set when that session came from elsewhere.</summary>
    private sealed record BusyCall(string CallId, IPAddress? OtherSource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording session {SipCallId} from {Source}: no RTP on its {Ports} port(s) for {Silence} though the client is sending (Recorder:NoMediaTimeout): ended, ports freed")]
    private static partial void LogNoMedia(ILogger logger, string sipCallId, IPAddress source, TimeSpan silence, int ports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: a second recording session from {Source} refused 486, the call is already being recorded from {Recording}")]
    private static partial void LogSecondSource(ILogger logger, string callId, IPAddress source, IPAddress recording);
}
