namespace Calltrail.Recorder.Sdp;

/// <summary>One m= section with its attributes, and the session-level defaults already applied where SDP says so.</summary>
public sealed class MediaDescription
{
    internal MediaDescription(MediaLine line, SdpConnection? connection, SdpConnection? sessionConnection, SdpDirection? sessionDirection, MediaAttributes attributes)
    {
        Media = line.Media;
        Port = line.Port;
        PortCount = line.PortCount;
        Protocol = line.Protocol;
        Formats = line.Formats;
        PayloadTypes = line.PayloadTypes;
        OwnConnection = connection;
        Connection = connection ?? sessionConnection;
        Attributes = attributes.All;
        RtpMaps = attributes.RtpMaps;
        Fmtps = attributes.Fmtps;
        Direction = attributes.Direction ?? sessionDirection ?? SdpDirection.SendRecv;
        Label = attributes.Label;
        Ptime = attributes.Ptime;
        Rtcp = attributes.Rtcp;
    }

    /// <summary>audio, video, application…, as sent.</summary>
    public string Media { get; }

    /// <summary>0 means the stream is rejected or disabled (RFC 3264 §6, §8.2).</summary>
    public int Port { get; }

    public int PortCount { get; }

    /// <summary>RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF…, as sent.</summary>
    public string Protocol { get; }

    public IReadOnlyList<string> Formats { get; }

    /// <summary>The formats as RTP payload types; empty when the protocol is not RTP.</summary>
    public IReadOnlyList<int> PayloadTypes { get; }

    /// <summary>This section's own c= line.</summary>
    public SdpConnection? OwnConnection { get; }

    /// <summary>The c= line that applies: this section's, else the session's.</summary>
    public SdpConnection? Connection { get; }

    public IReadOnlyList<SdpAttribute> Attributes { get; }

    public IReadOnlyDictionary<int, SdpRtpMap> RtpMaps { get; }

    /// <summary>a=fmtp parameters by payload type, as sent.</summary>
    public IReadOnlyDictionary<int, string> Fmtps { get; }

    /// <summary>This section's direction, else the session's, else sendrecv.</summary>
    public SdpDirection Direction { get; }

    /// <summary>a=label (RFC 4574): SIPREC ties each stream to its metadata with it.</summary>
    public string? Label { get; }

    public int? Ptime { get; }

    /// <summary>a=rtcp (RFC 3605) as sent, e.g. <c>53021 IN IP4 192.0.2.4</c>.</summary>
    public string? Rtcp { get; }

    public bool IsRtp => Protocol.StartsWith("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rtpmap for a payload type, or the static mapping of RFC 3551 for PCMU (0) and PCMA (8).</summary>
    public SdpRtpMap? RtpMapFor(int payloadType) =>
        RtpMaps.TryGetValue(payloadType, out SdpRtpMap? map) ? map : payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000, 1),
            8 => new SdpRtpMap(8, "PCMA", 8000, 1),
            _ => null,
        };

    public override string ToString() => $"{Media} {Port} {Protocol} {string.Join(' ', Formats)}";
}
