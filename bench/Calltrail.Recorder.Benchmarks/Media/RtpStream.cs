using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Media;

/// <summary>
/// One forked stream's RTP (PCMU, 20 ms): a packet built once, whose sequence number and timestamp are
/// advanced in place before each send, so sending allocates nothing.
/// </summary>
public sealed class RtpStream
{
    private const int HeaderSize = 12;
    private readonly byte[] packet = new byte[HeaderSize + Tone.FramesPerPacket];
    private readonly SocketAddress target;
    private ushort sequence;
    private uint timestamp;

    public RtpStream(int port, uint ssrc, byte[] payload)
    {
        Port = port;
        target = new IPEndPoint(IPAddress.Loopback, port).Serialize();
        packet[0] = 0x80; // version 2, no padding, extension or CSRC
        packet[1] = 0;    // PCMU, no marker
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        payload.CopyTo(packet, HeaderSize);
        sequence = (ushort)(ssrc * 7919);
        timestamp = ssrc * 104_729;
    }

    public int Port { get; }

    /// <summary>Packets handed to the kernel.</summary>
    public long Sent { get; private set; }

    /// <summary>Sends the next packet; a send the kernel refuses is not counted as sent.</summary>
    public void SendNext(Socket socket)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        sequence++;
        timestamp += Tone.FramesPerPacket;
        try
        {
            socket.SendTo(packet, SocketFlags.None, target);
            Sent++;
        }
        catch (SocketException)
        {
            SendErrors++;
        }
    }

    public long SendErrors { get; private set; }
}
