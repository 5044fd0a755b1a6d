using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Calltrail.Recorder.Sip;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>
/// A SIP peer for the recorder's tests over a real socket on 127.0.0.1: requests are written as text
/// (CRLF, Content-Length computed) and responses parsed with <see cref="SipParser"/>. UDP sends each
/// message as a datagram; TCP keeps one connection and frames what comes back by Content-Length.
/// </summary>
internal sealed class SipTestClient : IAsyncDisposable
{
    /// <summary>How long a reply may take before the test fails: generous, a loaded CI machine only ever makes it wait longer.</summary>
    public static readonly TimeSpan Patience = Eventually.Patience;

    private readonly Socket socket;
    private readonly IPEndPoint server;
    private readonly Channel<byte[]> received = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task reading;
    private int branches;

    private SipTestClient(Socket socket, IPEndPoint server, bool tcp)
    {
        (this.socket, this.server, IsTcp) = (socket, server, tcp);
        reading = Task.Run(tcp ? ReadTcpAsync : ReadUdpAsync);
    }

    public bool IsTcp { get; }

    public string Transport => IsTcp ? "TCP" : "UDP";

    public int LocalPort => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public int ServerPort => server.Port;

    /// <param name="from">The client's own address (127.0.0.1 when not given): on Linux every 127.x address is local, so a test can be another source.</param>
    public static SipTestClient Udp(int serverPort, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        return new SipTestClient(socket, new IPEndPoint(IPAddress.Loopback, serverPort), tcp: false);
    }

    public static async Task<SipTestClient> TcpAsync(int serverPort, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        var server = new IPEndPoint(IPAddress.Loopback, serverPort);
        await socket.ConnectAsync(server);
        return new SipTestClient(socket, server, tcp: true);
    }

    public static Task<SipTestClient> OpenAsync(string transport, int serverPort, IPAddress? from = null) =>
        transport == "TCP" ? TcpAsync(serverPort, from) : Task.FromResult(Udp(serverPort, from));

    /// <summary>The client's own address (what the recorder sees as the source).</summary>
    public IPAddress Address => ((IPEndPoint)socket.LocalEndPoint!).Address;

    /// <summary>A fresh RFC 3261 branch.</summary>
    public string NewBranch() => $"z9hG4bK-test-{Guid.NewGuid():N}-{Interlocked.Increment(ref branches)}";

    /// <summary>
    /// A request: start line, Via (this client, the branch), From (tag), To (tag when in a dialog),
    /// Call-ID, CSeq, Max-Forwards, the extra headers as given, Content-Type and Content-Length.
    /// </summary>
    public string Request(
        string method, string callId, int cseq, string branch, string? toTag = null, string fromTag = "src-tag",
        IEnumerable<string>? headers = null, string? contentType = null, string body = "", string? cseqMethod = null)
    {
        var text = new StringBuilder();
        text.Append($"{method} sip:srs@127.0.0.1:{ServerPort} SIP/2.0\r\n");
        text.Append($"Via: SIP/2.0/{Transport} {Address}:{LocalPort};branch={branch};rport\r\n");
        text.Append($"From: <sip:src@{Address}:{LocalPort}>;tag={fromTag}\r\n");
        text.Append($"To: <sip:srs@127.0.0.1:{ServerPort}>{(toTag is null ? "" : ";tag=" + toTag)}\r\n");
        text.Append($"Call-ID: {callId}\r\n");
        text.Append($"CSeq: {cseq} {cseqMethod ?? method}\r\n");
        text.Append($"Contact: <sip:src@{Address}:{LocalPort};transport={Transport.ToLowerInvariant()}>;+sip.src\r\n");
        text.Append("Max-Forwards: 70\r\n");
        foreach (var header in headers ?? [])
        {
            text.Append(header).Append("\r\n");
        }

        if (contentType is not null)
        {
            text.Append($"Content-Type: {contentType}\r\n");
        }

        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        text.Append($"Content-Length: {bodyBytes}\r\n\r\n").Append(body);
        return text.ToString();
    }

    public Task SendAsync(string message) => SendAsync(Encoding.UTF8.GetBytes(message));

    public async Task SendAsync(byte[] message)
    {
        if (IsTcp)
        {
            await socket.SendAsync(message, SocketFlags.None);
        }
        else
        {
            await socket.SendToAsync(message, SocketFlags.None, server);
        }
    }

    /// <summary>The next message the server sent, parsed; fails after <see cref="Patience"/>.</summary>
    public async Task<SipMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var timing = new CancellationTokenSource(timeout ?? Patience);
        byte[] bytes;
        try
        {
            bytes = await received.Reader.ReadAsync(timing.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no SIP message from the server within {timeout ?? Patience}");
        }

        var parsed = SipParser.Parse(bytes);
        Assert.True(parsed.IsSuccess, $"unparseable reply: {parsed.Error}\n{Encoding.UTF8.GetString(bytes)}");
        return parsed.Message;
    }

    /// <summary>The next final response (provisional ones are skipped) for the given CSeq method.</summary>
    public async Task<SipMessage> FinalAsync(string method = "INVITE", TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            if (!message.IsRequest && message.StatusCode >= 200 && message.CSeq.Method == method)
            {
                return message;
            }
        }
    }

    /// <summary>True when nothing arrives for <paramref name="quiet"/> (used only to show a reply is not sent).</summary>
    public async Task<bool> NothingWithinAsync(TimeSpan quiet)
    {
        using var timing = new CancellationTokenSource(quiet);
        try
        {
            await received.Reader.WaitToReadAsync(timing.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Drops whatever arrived so far (e.g. 2xx retransmissions).</summary>
    public void Drain()
    {
        while (received.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Dispose();
        await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task ReadUdpAsync()
    {
        var buffer = new byte[65_536];
        while (!stopping.IsCancellationRequested)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
            await received.Writer.WriteAsync(buffer[..read]);
        }
    }

    private async Task ReadTcpAsync()
    {
        var framer = new SipStreamFramer();
        var buffer = new byte[65_536];
        while (!stopping.IsCancellationRequested)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
            if (read == 0)
            {
                received.Writer.TryComplete();
                return;
            }

            foreach (var message in framer.Feed(buffer.AsSpan(0, read)).Messages)
            {
                await received.Writer.WriteAsync(message);
            }
        }
    }
}
