using System.Net.Sockets;

namespace Calltrail.Recorder.Media;

/// <summary>
/// Receives every forked stream's RTP on one dedicated thread that visits each socket in turn every few
/// milliseconds and drains it. A packet waits in its socket's kernel buffer for at most one round
/// (far less than the reorder window), and a round costs one non-blocking receive per packet plus one
/// per socket — instead of a wake-up, a completion and a continuation per packet, which on two cores
/// cost more than the recording itself at a thousand calls (docs/performance.md, Recorder).
/// </summary>
public sealed class RtpPoller : IDisposable
{
    private readonly TimeProvider time;
    private readonly TimeSpan round;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private volatile RtpReceiver[] receivers = [];
    private volatile bool stopping;

    public RtpPoller(TimeProvider time, TimeSpan round)
    {
        this.time = time;
        this.round = round;
        thread = new Thread(Run) { IsBackground = true, Name = "Calltrail RTP", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public int Count => receivers.Length;

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
        while (!stopping)
        {
            var started = time.GetTimestamp();
            foreach (var receiver in receivers)
            {
                Drain(receiver, buffer);
            }

            var rest = round - time.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }
        }
    }

    private void Drain(RtpReceiver receiver, byte[] buffer)
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
                read = socket.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
                if (error != SocketError.Success)
                {
                    // WouldBlock: drained. Anything else (an ICMP error) is not a reason to stop either.
                    return;
                }
            }
            catch (ObjectDisposedException)
            {
                return; // The session ended between the snapshot and now.
            }

            receiver.Deliver(buffer.AsSpan(0, read), now);
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }
}
