using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// A source address as one 128-bit number, IPv4 in its IPv4-mapped IPv6 form (::ffff:a.b.c.d): what the
/// allowed ranges are matched against and refusals are counted by, without an <see cref="IPAddress"/>
/// per packet on the RTP path.
/// </summary>
public static class SourceAddress
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    /// <summary>The IPv4 address whose four bytes (network order) are given, mapped.</summary>
    public static UInt128 OfV4(ReadOnlySpan<byte> bytes) => MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes);

    /// <summary>The IPv6 address whose sixteen bytes (network order) are given.</summary>
    public static UInt128 OfV6(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt128BigEndian(bytes);

    public static UInt128 Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily == AddressFamily.InterNetwork ? OfV4(bytes[..written]) : OfV6(bytes);
    }

    /// <summary>Whether the address is IPv4 (written mapped): it is matched against IPv4 ranges only.</summary>
    public static bool IsV4(UInt128 address) => (address >> 32) == 0xFFFF;

    public static IPAddress ToIPAddress(UInt128 address)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return IsV4(address) ? new IPAddress(bytes[12..]) : new IPAddress(bytes);
    }
}
