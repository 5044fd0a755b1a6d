using System.Net;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Media;
using Calltrail.Recorder.Signaling;

namespace Calltrail.Recorder.Sessions;

/// <summary>
/// One SIPREC recording session (a SIP dialog) and what it feeds: a receiver per accepted stream and
/// the call's recording. Linked to the service's call once one of its call ids is known there.
/// </summary>
public sealed class RecordingSession(string sipCallId, string localTag, string? remoteTag, IReadOnlyList<string> callIds)
{
    public string SipCallId { get; } = sipCallId;

    public string LocalTag { get; } = localTag;

    public string? RemoteTag { get; } = remoteTag;

    /// <summary>The ids, in order of preference, that may name the service's call.</summary>
    public IReadOnlyList<string> CallIds { get; } = callIds;

    /// <summary>The call's id once linked.</summary>
    public string? CallId { get; set; }

    public required CallRecording Recording { get; init; }

    public required IReadOnlyList<RtpReceiver?> Receivers { get; init; }

    /// <summary>Our RTP port for each m= line of the offer (0 for a refused one), kept across re-INVITEs.</summary>
    public required IReadOnlyList<int> LocalPorts { get; init; }

    public required SipPeer Peer { get; set; }

    /// <summary>The address the INVITE came from: whose per-source quota the session counts against.</summary>
    public required IPAddress Source { get; init; }

    /// <summary>How many RTP ports the session holds (taken from its source's quota).</summary>
    public int PortCount => Receivers.Count(r => r is not null);

    public ulong SdpVersion { get; set; } = 1;

    public long LastSignalTimestamp { get; set; }

    /// <summary>Whether the client's last offer sends on some stream (not on hold): then silence on the ports is a fault.</summary>
    public bool ClientSending { get; set; } = true;

    /// <summary>When media was last due to start: the session's answer, or the re-INVITE that took it off hold.</summary>
    public long MediaDueSince { get; set; }

    /// <summary>When the last RTP packet reached any of the session's ports (0: none yet).</summary>
    public long LastPacketTimestamp
    {
        get
        {
            var last = 0L;
            foreach (var receiver in Receivers)
            {
                last = Math.Max(last, receiver?.LastPacketTimestamp ?? 0);
            }

            return last;
        }
    }

    /// <summary>RTP datagrams the session's ports dropped for their sender (not allowed, or not the stream's latched sender).</summary>
    public long RefusedPackets => Receivers.Sum(r => r?.RefusedPackets ?? 0);

    /// <summary>Set once the recording's end was reported to the catalog.</summary>
    public bool Reported { get; set; }

    public static string DialogKey(string sipCallId, string localTag) => $"{sipCallId}\n{localTag}";

    public long LastActivity => Math.Max(LastSignalTimestamp, LastPacketTimestamp);
}
