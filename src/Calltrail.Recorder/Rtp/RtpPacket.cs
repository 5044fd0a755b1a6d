using System.Buffers.Binary;

namespace Calltrail.Recorder.Rtp;

/// <summary>Reads RTP data packets (RFC 3550 §5.1) without copying; never throws on any input.</summary>
public static class RtpPacket
{
    public const int FixedHeaderSize = 12;

    /// <summary>
    /// Reads the header of an RTP packet. False for anything that is not a well-formed RTP version 2
    /// packet: too short, another version, RTCP, lengths (CSRCs, extension, padding) that overrun it.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedHeaderSize || packet[0] >> 6 != 2 || IsRtcp(packet))
        {
            return false;
        }

        var csrcCount = packet[0] & 0x0F;
        var offset = FixedHeaderSize + (4 * csrcCount);
        var hasExtension = (packet[0] & 0x10) != 0;
        if (offset > packet.Length || (hasExtension && !TrySkipExtension(packet, ref offset)))
        {
            return false;
        }

        var end = packet.Length;
        var hasPadding = (packet[0] & 0x20) != 0;
        if (hasPadding && !TryStripPadding(packet, offset, ref end))
        {
            return false;
        }

        header = new RtpHeader(
            Padding: hasPadding,
            Extension: hasExtension,
            CsrcCount: csrcCount,
            Marker: (packet[1] & 0x80) != 0,
            PayloadType: (byte)(packet[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            PayloadOffset: offset,
            PayloadLength: end - offset);
        return true;
    }

    /// <summary>
    /// True for RTCP multiplexed on the RTP port. RFC 5761 §4 separates them by the second octet: RTCP
    /// packet types 192–223 (SR 200 … APP 204, and the feedback/XR types after them) are what RTP payload
    /// types 64–95 with the marker set would look like, and those payload types must not be used for RTP.
    /// </summary>
    public static bool IsRtcp(ReadOnlySpan<byte> packet) => packet.Length >= 2 && packet[1] is >= 192 and <= 223;

    // The extension is a 4-byte header (profile, length in 32-bit words) and that many words (§5.3.1).
    private static bool TrySkipExtension(ReadOnlySpan<byte> packet, ref int offset)
    {
        if (offset + 4 > packet.Length)
        {
            return false;
        }

        var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
        offset += 4 + (4 * words);
        return offset <= packet.Length;
    }

    // The last octet counts the padding octets including itself, so 0 is malformed (§5.1), and the
    // padding may not reach back into the headers.
    private static bool TryStripPadding(ReadOnlySpan<byte> packet, int payloadOffset, ref int end)
    {
        int count = packet[^1];
        if (count == 0 || count > end - payloadOffset)
        {
            return false;
        }

        end -= count;
        return true;
    }
}
