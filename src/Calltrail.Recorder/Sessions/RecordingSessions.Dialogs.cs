using System.Net;
using System.Security.Cryptography;
using System.Text;
using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Media;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Signaling;
using Calltrail.Recorder.Sip;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Sessions;

public sealed partial class RecordingSessions
{
    /// <summary>Opens a receiver per usable stream and the recording, and registers the session; null when it was refused.</summary>
    private async Task<RecordingSession?> OpenAsync(ServerTransaction transaction, SessionOffer offer, IPAddress source)
    {
        var receivers = new List<RtpReceiver?>();
        var codecs = new List<StreamCodec>();
        var channels = new List<ChannelInfo>();
        foreach (var media in offer.Sdp.Media)
        {
            var laws = SessionOffer.AudioPayloads(media);
            if (!SessionOffer.Recordable(media))
            {
                receivers.Add(null);
                continue;
            }

            if (ports.Open() is not { } socket)
            {
                foreach (var opened in receivers)
                {
                    await (opened?.DisposeAsync() ?? ValueTask.CompletedTask);
                }

                await RespondAsync(transaction, 503, "Service Unavailable", r => r.WithHeader("Retry-After", RetryAfterSeconds)
                    .WithHeader("Warning", "399 calltrail \"no free RTP port in Recorder:RtpPortMin..RtpPortMax\""));
                return null;
            }

            var channel = codecs.Count;
            receivers.Add(new RtpReceiver(socket, channel, poller));
            codecs.Add(new StreamCodec(channel, laws, AnsweredTelephoneEvent(media)));
            var labeled = media.Label is { } label ? offer.Metadata?.FindLabel(label) : null;
            channels.Add(new ChannelInfo(channel, media.Label, labeled?.Sender?.Aor, labeled?.Sender?.Name));
        }

        if (codecs.Count == 0)
        {
            await RefuseAsync(transaction, SipRefusal.NotAcceptableHere("no audio stream with G.711 (PCMU or PCMA) over RTP/AVP to record"));
            return null;
        }

        var request = transaction.Request;
        var now = time.GetTimestamp();
        var setup = new RecordingSetup(Guid.NewGuid(), request.CallId, channels, files, options, time, RegisterAsync);
        var session = new RecordingSession(request.CallId, NewTag(), request.FromTag, offer.CallIds)
        {
            Recording = new CallRecording(setup, codecs, provisional: true, now),
            Receivers = receivers,
            LocalPorts = [.. receivers.Select(r => r?.Port ?? 0)],
            Peer = transaction.Peer,
            Source = source,
            LastSignalTimestamp = now,
            MediaDueSince = now,
        };
        BusyCall? busy;
        lock (gate)
        {
            // Checked again where the session is registered: two INVITEs for one call racing from two sources must not both record it.
            busy = BusyLocked(offer.CallIds, source);
            if (busy is null)
            {
                Register(session, offer.CallIds);
            }
        }

        if (busy is not null)
        {
            foreach (var receiver in receivers)
            {
                await (receiver?.DisposeAsync() ?? ValueTask.CompletedTask);
            }

            await RefuseBusyAsync(transaction, busy);
            return null;
        }

        return session;
    }

    /// <summary>Asks the service about each of the session's call ids in turn; the first it knows is the call.</summary>
    private async Task LinkAsync(RecordingSession session)
    {
        foreach (var id in session.CallIds)
        {
            if (session.CallId is not null)
            {
                return; // An instruction pushed meanwhile linked it, and is newer than what a lookup would say.
            }

            RecordingPlan? found;
            try
            {
                found = await calls.FindAsync(id, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLookupFailed(logger, e, id);
                continue;
            }

            if (found is not null)
            {
                lock (gate)
                {
                    if (session.CallId is not null)
                    {
                        return;
                    }

                    LinkLocked(session, id);
                }

                // A plan pushed meanwhile is newer: the recording keeps whichever version is higher.
                session.Recording.Apply(found, time.GetTimestamp());
                _ = session.Recording.StartRegistration();
                return;
            }
        }

        LogProvisional(logger, session.SipCallId, string.Join(", ", session.CallIds), options.ProvisionalHold);
    }

    /// <summary>Ties the session to one call id; the other candidate ids stop pointing at it.</summary>
    private void LinkLocked(RecordingSession session, string callId)
    {
        if (session.CallId is not null)
        {
            return;
        }

        session.CallId = callId;
        foreach (var id in session.CallIds.Where(id => id != callId))
        {
            if (byCall.TryGetValue(id, out var s) && s == session)
            {
                byCall.Remove(id);
            }
        }
    }

    private async Task AnswerAsync(ServerTransaction transaction, RecordingSession session, SessionOffer offer)
    {
        var local = Advertised(transaction.Peer);
        var answer = SdpAnswer.Create(offer.Sdp, session.LocalPorts, new SdpAnswerOptions(local, SessionNumber(session), session.SdpVersion));
        session.ClientSending = !ClientPaused(answer.Media);
        session.Recording.ClientPaused(!session.ClientSending, time.GetTimestamp());
        var response = SipResponse.To(transaction.Request, 200, "OK")
            .WithToTag(session.LocalTag)
            .WithHeader("Contact", $"<sip:srs@{Host(local)}:{transaction.Peer.Local.Port};transport={transaction.Peer.Transport.ToLowerInvariant()}>;+sip.srs")
            .WithHeader("Allow", Allow)
            .WithHeader("Supported", "siprec");
        if (transaction.Request.HeaderValues("Require").Any(v => v.Contains("siprec", StringComparison.OrdinalIgnoreCase)))
        {
            response = response.WithHeader("Require", "siprec");
        }

        await transaction.RespondAsync(response.WithBody("application/sdp", Encoding.UTF8.GetBytes(answer.Text)), 200, time.GetTimestamp());
    }

    /// <summary>A re-INVITE changes what the client sends: every stream inactive is the client's own pause.</summary>
    private async Task ReInviteAsync(ServerTransaction transaction)
    {
        if (Find(transaction.Request) is not { } session)
        {
            await RespondAsync(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        var (offer, refusal) = SessionOffer.Read(transaction.Request);
        if (refusal is not null || offer is null)
        {
            await RefuseAsync(transaction, refusal!);
            return;
        }

        session.Peer = transaction.Peer;
        session.LastSignalTimestamp = time.GetTimestamp();
        session.SdpVersion++;
        foreach (var receiver in session.Receivers)
        {
            receiver?.Unlatch();
        }

        // Streams keep their ports; a stream added later has no channel and is refused (port 0).
        var localPorts = offer.Sdp.Media.Select((_, i) => i < session.LocalPorts.Count ? session.LocalPorts[i] : 0).ToList();
        var answer = SdpAnswer.Create(offer.Sdp, localPorts, new SdpAnswerOptions(Advertised(transaction.Peer), SessionNumber(session), session.SdpVersion));
        var sending = !ClientPaused(answer.Media);
        if (sending && !session.ClientSending)
        {
            // Off hold: media is due from now, however long the hold was.
            session.MediaDueSince = time.GetTimestamp();
        }

        session.ClientSending = sending;
        session.Recording.ClientPaused(!sending, time.GetTimestamp());
        var response = SipResponse.To(transaction.Request, 200, "OK")
            .WithHeader("Contact", $"<sip:srs@{Host(Advertised(transaction.Peer))}:{transaction.Peer.Local.Port}>;+sip.srs")
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(answer.Text));
        await transaction.RespondAsync(response, 200, time.GetTimestamp());
    }

    private async Task ByeAsync(ServerTransaction transaction)
    {
        if (Find(transaction.Request) is not { } session)
        {
            await RespondAsync(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        await RespondAsync(transaction, 200, "OK");
        await EndAsync(session, complete: true);
    }

    private async Task CancelAsync(ServerTransaction transaction)
    {
        if (transactions.FindInvite(transaction.Request) is not { } invite)
        {
            await RespondAsync(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        // The INVITE is marked cancelled before the CANCEL is answered: whoever hears the 200 may rely on it.
        if (invite.FinalStatus == 0)
        {
            await invite.Cancelled.CancelAsync();
        }

        await RespondAsync(transaction, 200, "OK");
    }

    private void Acknowledge(SipMessage ack)
    {
        transactions.Acknowledge(ack);
        if (Find(ack) is { } session)
        {
            session.LastSignalTimestamp = time.GetTimestamp();
        }
    }

    /// <summary>Ends a session: its recording is closed, its sockets released, and the recording's end reported.</summary>
    private async Task EndAsync(RecordingSession session, bool complete)
    {
        lock (gate)
        {
            if (!dialogs.Remove(RecordingSession.DialogKey(session.SipCallId, session.LocalTag)))
            {
                return;
            }

            foreach (var id in session.CallIds)
            {
                if (byCall.TryGetValue(id, out var s) && s == session)
                {
                    byCall.Remove(id);
                }
            }
        }

        frontDoor.Give(session.Source, session.PortCount);
        foreach (var receiver in session.Receivers)
        {
            await (receiver?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        await FinishRecordingAsync(session, complete);
    }

    /// <summary>Closes the session's recording — once its row exists, so held audio is not lost — and reports it.</summary>
    private async Task FinishRecordingAsync(RecordingSession session, bool complete)
    {
        var now = time.GetTimestamp();
        if (session.Recording.StartRegistration() is { IsCompleted: false } registering)
        {
            // Audio still held reaches the file only once the recording's row exists: wait for it (ReportAsync would anyway).
            await registering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        session.Recording.Finish(now, complete);
        await ReportAsync(session);
    }

    /// <summary>Reads the finished recording back from its file and tells the catalog (once).</summary>
    private async Task ReportAsync(RecordingSession session)
    {
        var setup = session.Recording.Setup;
        lock (gate)
        {
            if (session.Reported || setup.Started is null || !session.Recording.IsFinished)
            {
                return;
            }

            session.Reported = true;
        }

        try
        {
            await setup.Registration!;
            await finishedRecordings.ReportAsync(setup.Started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(logger, e, setup.Started.Id);
        }
    }

    private Task RegisterAsync(RecordingStarted recording) => catalog.StartedAsync(recording, CancellationToken.None);

    private RecordingSession? Find(SipMessage request)
    {
        if (request.ToTag is not { } tag)
        {
            return null;
        }

        lock (gate)
        {
            return dialogs.GetValueOrDefault(RecordingSession.DialogKey(request.CallId, tag));
        }
    }

    private Task RespondAsync(ServerTransaction transaction, int status, string reason, Func<SipResponse, SipResponse>? shape = null)
    {
        var response = SipResponse.To(transaction.Request, status, reason);
        if (status > 100 && transaction.Request.ToTag is null)
        {
            response = response.WithToTag(NewTag());
        }

        return transaction.RespondAsync(shape is null ? response : shape(response), status, time.GetTimestamp()).AsTask();
    }

    private Task RefuseAsync(ServerTransaction transaction, SipRefusal refusal)
    {
        LogRefused(logger, transaction.Request.Method, transaction.Request.CallId, refusal.Status, refusal.Warning);
        var warning = refusal.Warning.Replace('"', '\'');
        return RespondAsync(transaction, refusal.Status, refusal.Reason, r =>
        {
            r = r.WithHeader("Warning", $"399 calltrail \"{warning}\"");
            return refusal.Status == 415 ? r.WithHeader("Accept", "application/sdp, multipart/mixed") : r;
        });
    }

    private static SipResponse Capabilities(SipResponse response) => response
        .WithHeader("Allow", Allow)
        .WithHeader("Accept", "application/sdp, application/rs-metadata+xml, multipart/mixed")
        .WithHeader("Supported", "siprec");

    /// <summary>The client pauses by making every stream it sends inactive (or only receiving).</summary>
    private static bool ClientPaused(IReadOnlyList<AnsweredMedia> media) =>
        media.Where(m => m.Accepted).All(m => m.OfferDirection is SdpDirection.Inactive or SdpDirection.RecvOnly);

    private static int? AnsweredTelephoneEvent(MediaDescription media) =>
        media.PayloadTypes.Cast<int?>().FirstOrDefault(pt => media.RtpMapFor(pt!.Value)?.EncodingName.Equals("telephone-event", StringComparison.OrdinalIgnoreCase) == true);

    private string Advertised(SipPeer peer) =>
        options.AdvertisedAddress.Length > 0 ? options.AdvertisedAddress : peer.Local.Address.ToString();

    private static string Host(string address) => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;

    private static ulong SessionNumber(RecordingSession session) => (ulong)(uint)session.LocalTag.GetHashCode(StringComparison.Ordinal);

    /// <summary>How long a client told 503 (no port, or its source's quota full) should wait: sessions end and free ports all the time.</summary>
    private const string RetryAfterSeconds = "5";

    private static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording session {SipCallId} waits for a call the service has not heard of ({CallIds}); its audio is held for {Hold}")]
    private static partial void LogProvisional(ILogger logger, string sipCallId, string callIds, TimeSpan hold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {SipCallId} refused: {Status} {Warning}")]
    private static partial void LogRefused(ILogger logger, string method, string sipCallId, int status, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording session {SipCallId} on hold and idle for {Timeout}: ended")]
    private static partial void LogIdle(ILogger logger, string sipCallId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up call {CallId} failed")]
    private static partial void LogLookupFailed(ILogger logger, Exception e, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {RecordingId} could not be reported to the catalog")]
    private static partial void LogReportFailed(ILogger logger, Exception e, string recordingId);
}
