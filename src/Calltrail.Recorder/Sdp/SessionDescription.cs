namespace Calltrail.Recorder.Sdp;

/// <summary>A parsed SDP body (RFC 4566): the fields the recorder uses, every attribute kept.</summary>
public sealed class SessionDescription
{
    internal SessionDescription(SdpOrigin? origin, string sessionName, SdpConnection? connection, MediaAttributes attributes, IReadOnlyList<MediaDescription> media)
    {
        Origin = origin;
        SessionName = sessionName;
        Connection = connection;
        Attributes = attributes.All;
        Direction = attributes.Direction;
        Media = media;
    }

    /// <summary>Null when the o= line is missing; the recorder tolerates that.</summary>
    public SdpOrigin? Origin { get; }

    public string SessionName { get; }

    /// <summary>The session-level c= line.</summary>
    public SdpConnection? Connection { get; }

    public IReadOnlyList<SdpAttribute> Attributes { get; }

    /// <summary>The session-level direction attribute, the default for media without their own.</summary>
    public SdpDirection? Direction { get; }

    public IReadOnlyList<MediaDescription> Media { get; }

    /// <summary>Never throws; the error names the line, e.g. <c>m= line 2: bad port</c>.</summary>
    public static ParseResult<SessionDescription> Parse(string? text) => SdpReader.Read(text ?? string.Empty);
}
