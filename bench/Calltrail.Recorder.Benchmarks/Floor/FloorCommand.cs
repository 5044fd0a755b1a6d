using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Floor;

/// <summary>
/// The floor (<c>floor --sockets N</c>, run as a child process): the least a .NET process can do to
/// receive this traffic the way the recorder does — N non-blocking UDP sockets with the recorder's
/// 1 MiB buffer, drained in turn every 20 ms by one dedicated thread (as <c>RtpPoller</c> does) —
/// touching each datagram only to count it and read its sequence number. Prints its ports, then on
/// "stop" (stdin) what it received.
/// </summary>
public static class FloorCommand
{
    public static async Task<int> RunAsync(int sockets)
    {
        using var stopping = new CancellationTokenSource();
        var receivers = Enumerable.Range(0, sockets).Select(_ => Open()).ToArray();
        Console.WriteLine("ports " + string.Join(' ', receivers.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port)));
        var counts = new long[sockets];
        var poller = new Thread(() => Poll(receivers, counts, stopping.Token)) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        poller.Start();
        while (await Console.In.ReadLineAsync() is { } line && line != "stop")
        {
        }

        await stopping.CancelAsync();
        poller.Join();
        Console.WriteLine($"received {counts.Sum()}");
        foreach (var socket in receivers)
        {
            socket.Dispose();
        }

        return 0;
    }

    private static Socket Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveBufferSize = 1 << 20;
        socket.Blocking = false;
        return socket;
    }

    private static void Poll(Socket[] sockets, long[] counts, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var round = TimeSpan.FromMilliseconds(20);
        var sequences = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < sockets.Length; i++)
            {
                while (sockets[i].Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error) is var read && error == SocketError.Success)
                {
                    if (read >= 4)
                    {
                        sequences += (buffer[2] << 8) | buffer[3];
                    }

                    counts[i]++;
                }
            }

            var rest = round - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }
        }

        GC.KeepAlive(sequences);
    }
}
