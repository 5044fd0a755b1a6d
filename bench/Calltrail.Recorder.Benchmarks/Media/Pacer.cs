using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Media;

/// <summary>
/// Sends every call's two streams one packet each per 20 ms, as a switch forking live calls would: the
/// calls are spread evenly over the 20 ms tick (call i of n at i·20/n ms), not sent in one burst. A few
/// dedicated threads with blocking sends on prebuilt packets; they sleep between due times rather than
/// spin, because the harness shares the machine's two cores with what it measures.
/// </summary>
public sealed class Pacer
{
    private static readonly long TickTicks = Stopwatch.Frequency / 50; // 20 ms
    private readonly IReadOnlyList<(RtpStream Caller, RtpStream Agent)> calls;
    private readonly int threads;

    public Pacer(IReadOnlyList<(RtpStream Caller, RtpStream Agent)> calls, int threads)
    {
        this.calls = calls;
        this.threads = Math.Clamp(threads, 1, Math.Max(1, calls.Count));
    }

    /// <summary>Sends until <paramref name="length"/> has passed; returns when every sender stopped.</summary>
    public Task RunAsync(TimeSpan length)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var senders = Enumerable.Range(0, threads).Select(t =>
        {
            // Thread t takes calls t, t+threads, …: each thread's calls are spread over the whole tick too.
            var mine = calls.Where((_, i) => i % threads == t).ToArray();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    Send(mine, start, end);
                    done.SetResult();
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            })
            { IsBackground = true, Name = $"rtp-sender-{t}", Priority = ThreadPriority.AboveNormal };
            thread.Start();
            return done.Task;
        });
        return Task.WhenAll(senders.ToArray());
    }

    private static void Send((RtpStream Caller, RtpStream Agent)[] mine, long start, long end)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.SendBufferSize = 4 << 20;
        long round = 0;
        var next = 0;
        while (true)
        {
            var due = start + (round * TickTicks) + (next * TickTicks / mine.Length);
            if (due >= end)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            if (due > now)
            {
                Thread.Sleep(1);
                continue;
            }

            // Everything due by now goes out, so a late wake-up catches up rather than falling behind.
            mine[next].Caller.SendNext(socket);
            mine[next].Agent.SendNext(socket);
            if (++next == mine.Length)
            {
                (next, round) = (0, round + 1);
            }
        }
    }
}
