using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Admission;

namespace Calltrail.Recorder.Media;

/// <summary>
/// Receives every forked stream's RTP on one dedicated thread that visits each socket in turn every few
/// milliseconds and drains it. A packet waits in its socket's kernel buffer for at most one round
/// (far less than the reorder window), and a round costs a readiness check and a non-blocking receive
/// per packet plus one check per socket — instead of a wake-up, a completion and a continuation per
/// packet, which on two cores cost more than the recording itself at a thousand calls
/// (docs/performance.md, Recorder). Each datagram is received with its sender's address, which the
/// stream checks (<see cref="RtpDoor"/>).
/// </summary>
public sealed class RtpPoller : IDisposable
{
    private readonly TimeProvider time;
    private readonly TimeSpan round;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private volatile RtpReceiver[] receivers = [];
    private volatile bool stopping;

    public RtpPoller(TimeProvider time, TimeSpan round, RtpDoor door)
    {
        this.time = time;
        Door = door;
        this.round = round;
        thread = new Thread(Run) { IsBackground = true, Name = "Calltrail RTP", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public int Count => receivers.Length;

    /// <summary>Whose RTP the streams take.</summary>
    public RtpDoor Door { get; }

    public void Add(RtpReceiver receiver)
    {
        lock (gate)
        {
            receivers = [.. receivers, receiver];
        }
    }

    public void Remove(RtpReceiver receiver)
    {
        lock (gate)
        {
            receivers = [.. receivers.Where(r => r != receiver)];
        }
    }

    private void Run()
    {
        var buffer = new byte[2048];
        // One sender address for every receive, rewritten in place: nothing is allocated per datagram.
        var from = new SocketAddress(AddressFamily.InterNetworkV6);
        while (!stopping)
        {
            var started = time.GetTimestamp();
            foreach (var receiver in receivers)
            {
                Drain(receiver, buffer, from);
            }

            var rest = round - time.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }
        }
    }

    private void Drain(RtpReceiver receiver, byte[] buffer, SocketAddress from)
    {
        var socket = receiver.Socket;
        // One arrival time for what waited in this socket: packets are placed by their RTP timestamps,
        // arrival only anchors a stream, and a round is far shorter than any re-anchoring threshold.
        var now = time.GetTimestamp();
        while (true)
        {
            int read;
            try
            {
                // ReceiveFrom with a SocketAddress throws when nothing waits (it has no SocketError overload):
                // asking first costs a syscall, an exception per socket per round would cost far more.
                if (!socket.Poll(0, SelectMode.SelectRead))
                {
                    return;
                }

                from.Size = from.Buffer.Length;
                read = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException)
            {
                return; // An ICMP error queued on the socket: reported once, not a reason to stop; the rest waits for the next round.
            }
            catch (ObjectDisposedException)
            {
                return; // The session ended between the snapshot and now.
            }

            if (RtpSource.TryRead(from, out var source))
            {
                receiver.Deliver(buffer.AsSpan(0, read), source, now);
            }
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }
}
