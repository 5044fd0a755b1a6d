namespace Calltrail.Recorder.Rtp;

/// <summary>
/// The fixed header of one RTP packet (RFC 3550 §5.1) and where its payload lies in the datagram.
/// PayloadOffset/PayloadLength already exclude CSRCs, the header extension and padding.
/// </summary>
public readonly record struct RtpHeader(
    bool Padding,
    bool Extension,
    int CsrcCount,
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    int PayloadOffset,
    int PayloadLength)
{
    /// <summary>Always 2: packets of any other version are refused by <see cref="RtpPacket.TryParse"/>.</summary>
    public int Version => 2;

    public ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> packet) => packet.Slice(PayloadOffset, PayloadLength);
}
