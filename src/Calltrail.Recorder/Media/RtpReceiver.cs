using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Live;

namespace Calltrail.Recorder.Media;

/// <summary>
/// Receives one forked stream's RTP and hands each datagram to the call's recording. One loop per
/// socket; with inline socket completions it runs on the I/O thread, so it must never block — the
/// recording only places and decodes the packet (no I/O on this path).
/// </summary>
public sealed class RtpReceiver : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly int stream;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private CallRecording? recording;
    private Task? loop;

    public RtpReceiver(Socket socket, int stream, TimeProvider time)
    {
        this.socket = socket;
        this.stream = stream;
        this.time = time;
    }

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public long Packets { get; private set; }

    /// <summary>When the last packet arrived (a timestamp of the recorder's clock), for idle detection.</summary>
    public long LastPacketTimestamp { get; private set; }

    public void Start(CallRecording target)
    {
        Volatile.Write(ref recording, target);
        loop ??= Task.Run(ReceiveAsync);
    }

    /// <summary>Sends this stream's packets to another recording from now on (a new recording for the same session).</summary>
    public void Redirect(CallRecording target) => Volatile.Write(ref recording, target);

    private async Task ReceiveAsync()
    {
        var buffer = GC.AllocateArray<byte>(2048, pinned: true);
        var memory = buffer.AsMemory();
        while (!stopping.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(memory, SocketFlags.None, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error for this socket: not a reason to stop listening.
                continue;
            }

            var now = time.GetTimestamp();
            Packets++;
            LastPacketTimestamp = now;
            Volatile.Read(ref recording)?.Packet(stream, buffer.AsSpan(0, read), now);
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
}
