using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Live;

namespace Calltrail.Recorder.Media;

/// <summary>
/// One forked stream's RTP socket, drained by the <see cref="RtpPoller"/>, handing each datagram to the
/// call's recording. The recording only places and decodes the packet (no I/O on this path).
/// </summary>
public sealed class RtpReceiver : IAsyncDisposable
{
    private readonly int stream;
    private readonly RtpPoller poller;
    private CallRecording? recording;
    private bool started;

    public RtpReceiver(Socket socket, int stream, RtpPoller poller)
    {
        // Non-blocking: the poller's receive returns at once when the socket has nothing.
        socket.Blocking = false;
        Socket = socket;
        this.stream = stream;
        this.poller = poller;
    }

    public Socket Socket { get; }

    public int Port => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    public long Packets { get; private set; }

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

    /// <summary>One datagram, on the poller's thread.</summary>
    public void Deliver(ReadOnlySpan<byte> datagram, long nowTimestamp)
    {
        Packets++;
        LastPacketTimestamp = nowTimestamp;
        Volatile.Read(ref recording)?.Packet(stream, datagram, nowTimestamp);
    }

    public ValueTask DisposeAsync()
    {
        poller.Remove(this);
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
