using System.Buffers.Binary;

namespace Calltrail.Recorder.Tests.Rtp;

/// <summary>Builds RTP datagrams byte by byte, so tests say exactly which header bits they set.</summary>
internal static class RtpBytes
{
    public static byte[] Packet(
        byte payloadType = 0,
        ushort sequence = 1,
        uint timestamp = 160,
        uint ssrc = 0x11223344,
        byte[]? payload = null,
        int csrcs = 0,
        int extensionWords = -1,
        int padding = 0,
        bool marker = false,
        int version = 2)
    {
        payload ??= [1, 2, 3, 4];
        var bytes = new List<byte>
        {
            (byte)((version << 6) | (padding > 0 ? 0x20 : 0) | (extensionWords >= 0 ? 0x10 : 0) | csrcs),
            (byte)((marker ? 0x80 : 0) | payloadType),
        };
        bytes.AddRange(BigEndian16(sequence));
        bytes.AddRange(BigEndian32(timestamp));
        bytes.AddRange(BigEndian32(ssrc));
        for (var i = 0; i < csrcs; i++)
        {
            bytes.AddRange(BigEndian32((uint)(0xC0 + i)));
        }

        if (extensionWords >= 0)
        {
            bytes.AddRange(BigEndian16(0xBEDE));
            bytes.AddRange(BigEndian16((ushort)extensionWords));
            bytes.AddRange(Enumerable.Repeat((byte)0xEE, 4 * extensionWords));
        }

        bytes.AddRange(payload);
        if (padding > 0)
        {
            bytes.AddRange(Enumerable.Repeat((byte)0, padding - 1));
            bytes.Add((byte)padding);
        }

        return [.. bytes];
    }

    private static byte[] BigEndian16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    private static byte[] BigEndian32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }
}
