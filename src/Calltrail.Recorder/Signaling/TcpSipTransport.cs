using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Sip;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Signaling;

/// <summary>
/// SIP over TCP: a listener and one reader per connection, which frames the byte stream into messages
/// by Content-Length (RFC 3261 §18.3). A connection whose framing breaks is answered 400 and closed. A
/// connection from a source <paramref name="admits"/> refuses is reset as soon as it is accepted, before
/// anything is read: a stranger gets no answer, no buffer and no reader to hold open.
/// </summary>
public sealed class TcpSipTransport(
    TcpListener listener, Func<IPEndPoint, bool> admits, Func<SipPeer, ReadOnlyMemory<byte>, Task> received, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> connections = [];
    private readonly Lock gate = new();
    private Task? loop;

    public IPEndPoint LocalEndPoint => (IPEndPoint)listener.LocalEndpoint;

    public static TcpSipTransport Bind(
        IPEndPoint endPoint, Func<IPEndPoint, bool> admits, Func<SipPeer, ReadOnlyMemory<byte>, Task> received, ILogger logger)
    {
        var listener = new TcpListener(endPoint);
        listener.Start();
        return new TcpSipTransport(listener, admits, received, logger);
    }

    public void Start() => loop = Task.Run(AcceptAsync);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!Admitted(socket))
            {
                continue;
            }

            lock (gate)
            {
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(Task.Run(() => ReadAsync(socket)));
            }
        }
    }

    /// <summary>Whether the connection's source may talk to us; one that may not is reset (no FIN handshake, no TIME_WAIT kept here for it).</summary>
    private bool Admitted(Socket socket)
    {
        try
        {
            if (socket.RemoteEndPoint is IPEndPoint remote && admits(remote))
            {
                return true;
            }

            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Gone already: closed either way.
        }

        socket.Dispose();
        return false;
    }

    private async Task ReadAsync(Socket socket)
    {
        using var _ = socket;
        var peer = new TcpPeer(socket);
        var framer = new SipStreamFramer();
        var buffer = new byte[16_384];
        while (!stopping.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (read == 0)
            {
                return;
            }

            var framed = framer.Feed(buffer.AsSpan(0, read));
            foreach (var message in framed.Messages)
            {
                try
                {
                    await received(peer, message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "SIP message from {Peer} could not be handled", peer.Remote);
                }
            }

            if (framed.IsFaulted)
            {
                // Without a trustworthy Content-Length the stream cannot be resynchronised: say why, then hang up.
                var reply = $"SIP/2.0 400 Bad Request\r\nWarning: 399 calltrail \"{framed.Error}\"\r\nContent-Length: 0\r\n\r\n";
                await peer.SendAsync(System.Text.Encoding.UTF8.GetBytes(reply), CancellationToken.None);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Task[] open;
        lock (gate)
        {
            open = [.. connections];
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(open).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private sealed class TcpPeer(Socket socket) : SipPeer
    {
        private readonly SemaphoreSlim sending = new(1, 1);

        public override string Transport => "TCP";

        public override IPEndPoint Remote { get; } = (IPEndPoint)socket.RemoteEndPoint!;

        public override IPEndPoint Local { get; } = (IPEndPoint)socket.LocalEndPoint!;

        public override bool IsReliable => true;

        public override async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            // Messages on a stream must not interleave.
            await sending.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(message, SocketFlags.None, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The connection is gone; the peer will find out.
            }
            finally
            {
                sending.Release();
            }
        }
    }
}
