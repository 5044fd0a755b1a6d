using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.Recorder.Benchmarks.Sip;

/// <summary>One recording session as the server answered it: its dialog and the two RTP ports to send to.</summary>
public sealed record SiprecDialog(string CallId, SiprecRequests Requests, string ToTag, int CallerPort, int AgentPort);

/// <summary>
/// A minimal SIPREC client (the UAC an SBC would be) over one UDP socket: INVITE, ACK, BYE, with the
/// retransmissions UDP needs. Enough to open many sessions quickly; not a general SIP stack.
/// </summary>
public sealed class SiprecClient : IDisposable
{
    // RFC 3261 timer A: resend at 0.5, 1, 2, 4 s; give up after 8 s more.
    private static readonly TimeSpan[] Retransmits = [.. new[] { 0.5, 1, 2, 4, 8 }.Select(TimeSpan.FromSeconds)];
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint server;
    private readonly ConcurrentDictionary<(string CallId, string Method), TaskCompletionSource<SipReply>> waiting = new();
    private readonly ConcurrentDictionary<string, byte[]> acks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task receiving;

    public SiprecClient(int serverPort)
    {
        server = new IPEndPoint(IPAddress.Loopback, serverPort);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveBufferSize = 4 << 20;
        receiving = Task.Run(ReceiveAsync);
    }

    private int LocalPort => ((IPEndPoint)socket.LocalEndPoint!).Port;

    /// <summary>Opens a recording session for <paramref name="callId"/>; <paramref name="mediaPort"/> is what the SDP says the audio comes from.</summary>
    public async Task<SiprecDialog> InviteAsync(string callId, int mediaPort)
    {
        var requests = new SiprecRequests(callId, LocalPort, server.Port, mediaPort);
        var reply = await TransactAsync(requests.SipCallId, "INVITE", requests.Invite());
        if (reply.Status != 200 || reply.ToTag is null || reply.MediaPorts is not [var caller, var agent, ..])
        {
            throw new InvalidOperationException($"INVITE for {callId} answered {reply.Status} (ports: {string.Join(",", reply.MediaPorts)})");
        }

        var ack = requests.Ack(reply.ToTag);
        acks[requests.SipCallId] = ack;
        await socket.SendToAsync(ack, server);
        return new SiprecDialog(callId, requests, reply.ToTag, caller, agent);
    }

    public async Task ByeAsync(SiprecDialog dialog)
    {
        var reply = await TransactAsync(dialog.Requests.SipCallId, "BYE", dialog.Requests.Bye(dialog.ToTag));
        acks.TryRemove(dialog.Requests.SipCallId, out _);
        if (reply.Status != 200)
        {
            throw new InvalidOperationException($"BYE for {dialog.CallId} answered {reply.Status}");
        }
    }

    // The same bytes are resent (same Via branch), so the server sees a retransmission, not a new request.
    private async Task<SipReply> TransactAsync(string sipCallId, string method, byte[] request)
    {
        var answer = new TaskCompletionSource<SipReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[(sipCallId, method)] = answer;
        try
        {
            foreach (var wait in Retransmits)
            {
                await socket.SendToAsync(request, server);
                if (await Task.WhenAny(answer.Task, Task.Delay(wait)) == answer.Task)
                {
                    return await answer.Task;
                }
            }

            throw new TimeoutException($"{method} {sipCallId}: no final response");
        }
        finally
        {
            waiting.TryRemove((sipCallId, method), out _);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65536];
        while (!stopping.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (SipReply.Parse(buffer.AsSpan(0, read)) is not { Status: >= 200 } reply)
            {
                continue; // 100 Trying, or nothing we understand
            }

            if (waiting.TryGetValue((reply.CallId, reply.Method), out var answer))
            {
                answer.TrySetResult(reply);
            }
            else if (reply is { Method: "INVITE", Status: 200 } && acks.TryGetValue(reply.CallId, out var ack))
            {
                await socket.SendToAsync(ack, server); // a retransmitted 200: our ACK was lost or late
            }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        socket.Dispose();
        receiving.Wait(TimeSpan.FromSeconds(2));
        stopping.Dispose();
    }
}
