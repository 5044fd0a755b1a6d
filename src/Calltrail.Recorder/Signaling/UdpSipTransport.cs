using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Signaling;

/// <summary>SIP over UDP: one socket, one receive loop; each datagram is one message.</summary>
public sealed class UdpSipTransport(Socket socket, Func<SipPeer, ReadOnlyMemory<byte>, Task> received, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public IPEndPoint LocalEndPoint => (IPEndPoint)socket.LocalEndPoint!;

    public static UdpSipTransport Bind(IPEndPoint endPoint, Func<SipPeer, ReadOnlyMemory<byte>, Task> received, ILogger logger)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Which of our addresses a request reached decides what we advertise when bound to any address.
        socket.SetSocketOption(
            endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
        socket.Bind(endPoint);
        return new UdpSipTransport(socket, received, logger);
    }

    public void Start() => loop = Task.Run(ReceiveAsync);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65_536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult result;
            try
            {
                result = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, any, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP unreachable from an earlier send, or an oversized datagram: neither ends the loop.
                continue;
            }

            var message = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            var peer = new UdpPeer(socket, (IPEndPoint)result.RemoteEndPoint, new IPEndPoint(result.PacketInformation.Address, LocalEndPoint.Port));
            // Each message is handled on its own: an INVITE waiting on the service's database must not hold
            // up the ACKs, BYEs and CANCELs behind it (retransmissions are the transactions' business).
            _ = HandleAsync(peer, message);
        }
    }

    private async Task HandleAsync(SipPeer peer, byte[] message)
    {
        try
        {
            await received(peer, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug handling one message must not stop the recorder hearing the next.
            logger.LogError(e, "SIP message from {Peer} could not be handled", peer.Remote);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Dispose();
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopping.Dispose();
    }

    private sealed class UdpPeer(Socket socket, IPEndPoint remote, IPEndPoint local) : SipPeer
    {
        public override string Transport => "UDP";

        public override IPEndPoint Remote => remote;

        public override IPEndPoint Local => local;

        public override bool IsReliable => false;

        public override async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            try
            {
                await socket.SendToAsync(message, SocketFlags.None, remote, cancellationToken);
            }
            catch (SocketException)
            {
                // UDP is best effort; the peer retransmits its request if our answer is lost.
            }
            catch (ObjectDisposedException)
            {
                // Shutting down.
            }
        }
    }
}
