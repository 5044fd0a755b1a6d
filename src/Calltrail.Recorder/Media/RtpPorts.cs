using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Media;

/// <summary>
/// Hands out UDP sockets for RTP on even ports of the configured range (RFC 3550 §11: RTP even, RTCP
/// the odd one above, which is left unbound — the recorder has no use for RTCP). A port another
/// process holds is skipped.
/// </summary>
public sealed class RtpPorts(IPAddress address, int min, int max)
{
    private readonly Lock gate = new();
    private int next = min + (min % 2);

    public Socket? Open()
    {
        var first = (max - min) / 2 + 1;
        for (var attempt = 0; attempt < first; attempt++)
        {
            int port;
            lock (gate)
            {
                port = next;
                next = next + 2 > max ? min + (min % 2) : next + 2;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(address, port));
                // Room for bursts while a receive is being handled: 1 MiB holds about 5 s of one G.711 stream.
                socket.ReceiveBufferSize = 1 << 20;
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }

        return null;
    }
}
