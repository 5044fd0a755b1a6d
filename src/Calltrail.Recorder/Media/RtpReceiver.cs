using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Live;

namespace Calltrail.Recorder.Media;

/// <summary>
/// One forked stream's RTP socket, drained by the <see cref="RtpPoller"/>, handing each datagram to the
/// call's recording. The recording only places and decodes the packet (no I/O on this path). A datagram
/// from outside <c>Recorder:AllowedSources</c>, or from another sender than the one the stream latched to
/// (its first since the last offer: symmetric RTP), is dropped and counted, and is not media for the
/// no-media timeout.
/// </summary>
public sealed class RtpReceiver : IAsyncDisposable
{
    private readonly int stream;
    private readonly RtpPoller poller;
    private CallRecording? recording;
    private bool started;
    private RtpSource latched;
    private bool isLatched;
    private volatile bool unlatch;

    public RtpReceiver(Socket socket, int stream, RtpPoller poller)
    {
        // Non-blocking: the poller's receive returns at once when the socket has nothing.
        socket.Blocking = false;
        Socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        this.stream = stream;
        this.poller = poller;
    }

    public Socket Socket { get; }

    /// <summary>The bound port, read once: the socket may be disposed by the session's end while the poller still reports one of its datagrams.</summary>
    public int Port { get; }

    /// <summary>Datagrams handed to the recording.</summary>
    public long Packets { get; private set; }

    /// <summary>Datagrams dropped for their sender (<see cref="RtpRefusal"/>).</summary>
    public long RefusedPackets { get; private set; }

    /// <summary>When the last packet arrived (a timestamp of the recorder's clock), for idle detection.</summary>
    public long LastPacketTimestamp { get; private set; }

    public void Start(CallRecording target)
    {
        Volatile.Write(ref recording, target);
        if (!started)
        {
            started = true;
            poller.Add(this);
        }
    }

    /// <summary>Sends this stream's packets to another recording from now on (a new recording for the same session).</summary>
    public void Redirect(CallRecording target) => Volatile.Write(ref recording, target);

    /// <summary>
    /// Lets the next allowed sender become the stream's (a new offer: the client may send from elsewhere now,
    /// after a failover or a move of its media).
    /// </summary>
    public void Unlatch() => unlatch = true;

    /// <summary>One datagram, on the poller's thread.</summary>
    public void Deliver(ReadOnlySpan<byte> datagram, in RtpSource from, long nowTimestamp)
    {
        if (!poller.Door.Admits(from))
        {
            Refuse(from, RtpRefusal.NotAllowed);
            return;
        }

        if (unlatch || !isLatched)
        {
            (latched, isLatched, unlatch) = (from, true, false);
        }
        else if (latched != from)
        {
            Refuse(from, RtpRefusal.NotLatched);
            return;
        }

        Packets++;
        LastPacketTimestamp = nowTimestamp;
        Volatile.Read(ref recording)?.Packet(stream, datagram, nowTimestamp);
    }

    private void Refuse(in RtpSource from, RtpRefusal why)
    {
        RefusedPackets++;
        poller.Door.Refused(from, why, Port, latched);
    }

    public ValueTask DisposeAsync()
    {
        poller.Remove(this);
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
