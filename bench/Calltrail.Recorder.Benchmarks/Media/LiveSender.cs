using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Media;

/// <summary>
/// Audio for calls that come and go: one thread sends a packet every 20 ms on each stream currently
/// added (both of a call's streams), so the recorder is receiving and writing audio while pauses are
/// measured. Not paced across the tick like <see cref="Pacer"/>: a handful of calls at a time.
/// </summary>
public sealed class LiveSender : IDisposable
{
    private static readonly long TickTicks = Stopwatch.Frequency / 50;
    private readonly Lock gate = new();
    private readonly List<RtpStream> streams = [];
    private readonly Thread thread;
    private volatile bool stopping;

    public LiveSender()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "rtp-live-sender", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public void Add(params RtpStream[] added)
    {
        lock (gate)
        {
            streams.AddRange(added);
        }
    }

    public void Remove(params RtpStream[] removed)
    {
        lock (gate)
        {
            streams.RemoveAll(removed.Contains);
        }
    }

    private void Run()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var due = Stopwatch.GetTimestamp();
        while (!stopping)
        {
            if (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
                continue;
            }

            lock (gate)
            {
                foreach (var stream in streams)
                {
                    stream.SendNext(socket);
                }
            }

            due += TickTicks;
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(2));
    }
}
