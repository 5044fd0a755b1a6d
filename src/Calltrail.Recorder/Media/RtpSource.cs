using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Admission;

namespace Calltrail.Recorder.Media;

/// <summary>Where a datagram came from: address (<see cref="SourceAddress"/>) and port, read from the socket's raw address without allocating.</summary>
public readonly record struct RtpSource(UInt128 Address, ushort Port)
{
    /// <summary>The sender of the datagram just received into <paramref name="from"/>; false for a family RTP does not come in.</summary>
    public static bool TryRead(SocketAddress from, out RtpSource source)
    {
        // sockaddr_in and sockaddr_in6 both carry the port at bytes 2-3; then IPv4's address, or IPv6's after 4 bytes of flow label.
        var bytes = from.Buffer.Span;
        switch (from.Family)
        {
            case AddressFamily.InterNetwork when from.Size >= 8:
                source = new RtpSource(SourceAddress.OfV4(bytes[4..8]), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..4]));
                return true;
            case AddressFamily.InterNetworkV6 when from.Size >= 24:
                source = new RtpSource(SourceAddress.OfV6(bytes[8..24]), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..4]));
                return true;
            default:
                source = default;
                return false;
        }
    }

    public IPEndPoint ToEndPoint() => new(SourceAddress.ToIPAddress(Address), Port);

    public override string ToString() => ToEndPoint().ToString();
}
