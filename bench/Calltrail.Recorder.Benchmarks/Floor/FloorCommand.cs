using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Floor;

/// <summary>
/// The floor (<c>floor --sockets N</c>, run as a child process): the least a .NET process can do to
/// receive this traffic the way the recorder does — N UDP sockets with the recorder's 1 MiB buffer, one
/// loop each awaiting <c>Socket.ReceiveAsync(Memory, flags, token)</c> into a pinned buffer — touching each
/// datagram only to count it and read its sequence number. Prints its ports, then on "stop" (stdin) what it received.
/// </summary>
public static class FloorCommand
{
    public static async Task<int> RunAsync(int sockets)
    {
        using var stopping = new CancellationTokenSource();
        var receivers = Enumerable.Range(0, sockets).Select(_ => Open()).ToArray();
        Console.WriteLine("ports " + string.Join(' ', receivers.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port)));
        var counts = new long[sockets];
        var loops = receivers.Select((socket, i) => Task.Run(() => ReceiveAsync(socket, counts, i, stopping.Token))).ToArray();
        while (await Console.In.ReadLineAsync() is { } line && line != "stop")
        {
        }

        await stopping.CancelAsync();
        await Task.WhenAll(loops);
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
        return socket;
    }

    private static async Task ReceiveAsync(Socket socket, long[] counts, int index, CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateArray<byte>(2048, pinned: true);
        var memory = buffer.AsMemory();
        var sequences = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(memory, SocketFlags.None, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException)
            {
                continue;
            }

            if (read >= 4)
            {
                sequences += (buffer[2] << 8) | buffer[3];
            }

            // Only this loop writes its slot; the main thread reads it after the loops ended.
            counts[index]++;
        }

        GC.KeepAlive(sequences);
    }
}
