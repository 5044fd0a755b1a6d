using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Calltrail.Live;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Tests.Live;
using Calltrail.Recorder.Tests.Recordings;
using Calltrail.TestKit.Waiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>The service's calls as the recorder asks about them: a dictionary the test fills; a lookup can be held back.</summary>
internal sealed class FakeCallDirectory : ICallDirectory
{
    public ConcurrentDictionary<string, RecordingPlan> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, lookups wait for it (to keep an INVITE unanswered).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource LookedUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Recording(string callId) => Calls[callId] = Plans.Of(callId, "tenant-a", AudioState.Recording);

    public async Task<RecordingPlan?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        LookedUp.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Calls.GetValueOrDefault(callId);
    }
}

/// <summary>Plans as the service would make them, for calls that connected a minute ago (so a session's audio from its start is the call's).</summary>
internal static class Plans
{
    private static long version;

    public static RecordingPlan Of(string callId, string? tenant, AudioState state, bool ended = false) => new()
    {
        CallId = callId,
        Version = Interlocked.Increment(ref version),
        Tenant = tenant,
        ConnectedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 60_000,
        Ended = ended,
        Segments = [new PlanSegment(0, PlanSegment.Open, state, state == AudioState.Paused ? Calltrail.Decisions.PauseCause.PaymentScreen : null)],
    };
}

/// <summary>The recordings list in memory: what was started and finished, in order.</summary>
internal sealed class FakeRecordingCatalog : IRecordingCatalog
{
    private readonly Lock gate = new();
    private readonly List<RecordingStarted> started = [];
    private readonly List<RecordingFinished> finished = [];

    /// <summary>When set, registrations land only when it completes.</summary>
    public TaskCompletionSource? RegistrationGate { get; set; }

    public IReadOnlyList<RecordingStarted> Started
    {
        get
        {
            lock (gate)
            {
                return [.. started];
            }
        }
    }

    public IReadOnlyList<RecordingFinished> Finished
    {
        get
        {
            lock (gate)
            {
                return [.. finished];
            }
        }
    }

    public Task StartedAsync(RecordingStarted recording, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            started.Add(recording);
        }

        return RegistrationGate?.Task ?? Task.CompletedTask;
    }

    public Task FinishedAsync(RecordingFinished recording, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            finished.Add(recording);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordingStarted>> UnfinishedAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RecordingStarted>>([]);

    public Task<RecordingStarted?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(started.FirstOrDefault(s => s.Id == id));
        }
    }

    public Task<IReadOnlyList<RecordingStarted>> FinishedOfCallAsync(string callId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var done = finished.Select(f => f.Id).ToHashSet();
            return Task.FromResult<IReadOnlyList<RecordingStarted>>([.. started.Where(s => s.CallId == callId && done.Contains(s.Id))]);
        }
    }

    /// <summary>Waits (polling, bounded) until the catalog has a finished recording.</summary>
    public async Task<RecordingFinished> FinishedOneAsync() =>
        Assert.Single(await Eventually.ValueAsync(() => Finished, f => f.Count > 0, "a finished recording"));
}

/// <summary>An in-process recorder on 127.0.0.1 (any SIP port) with fakes for the service, real files in a private directory.</summary>
internal sealed class SiprecHarness : IAsyncDisposable
{
    private readonly TempDirectory dir = new();

    private SiprecHarness(RecorderOptions options, TimeProvider time)
    {
        Options = options;
        Files = new RecordingFiles(dir.Path, new RecordingKeyRing("k", [KeyValuePair.Create("k", RandomNumberGenerator.GetBytes(RecordingKeyRing.KeySize))]));
        Server = new SiprecServer(options, Files, Directory, Catalog, time, NullLogger<SiprecServer>.Instance);
    }

    public RecorderOptions Options { get; }

    public RecordingFiles Files { get; }

    public FakeCallDirectory Directory { get; } = new();

    public FakeRecordingCatalog Catalog { get; } = new();

    public SiprecServer Server { get; }

    public int Port => Server.SipPort;

    /// <param name="time">The recorder's clock; a <see cref="Calltrail.TestKit.Time.ManualTimeProvider"/> moves timeouts without waiting (its timers stay real).</param>
    public static async Task<SiprecHarness> StartAsync(Action<RecorderOptions>? configure = null, TimeProvider? time = null)
    {
        // A wide reorder window: the test machine may be busy, and a stalled receive loop must not look like network loss.
        // A random stretch of RTP ports per recorder, so recorders of parallel tests rarely meet (a taken port is skipped anyway),
        // below the system's ephemeral ports (32768 up), where the test clients' own sockets land.
        var min = 30000 + (2 * Random.Shared.Next(0, 1300));
        var options = new RecorderOptions { ListenAddress = "127.0.0.1", SipPort = 0, RtpPortMin = min, RtpPortMax = min + 99, ReorderWindow = TimeSpan.FromMilliseconds(600) };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        var harness = new SiprecHarness(options, time ?? TimeProvider.System);
        await harness.Server.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Every channel of a recording's WAV.</summary>
    public short[][] Channels(RecordingStarted recording)
    {
        using var wav = Files.OpenWav(recording.File) ?? throw new InvalidOperationException("no recording file");
        return SampleRecording.Channels(wav, recording.Channels.Count);
    }

    /// <summary>
    /// Waits until every stream of the one open session has handed the recording at least
    /// <paramref name="packets"/> datagrams (e.g. <see cref="RtpSender.Sent"/>): what the test sent has
    /// reached the recorder, so a BYE or re-INVITE that follows comes after it, however slow the machine.
    /// </summary>
    public Task DeliveredAsync(long packets) => Eventually.TrueAsync(
        () => Server.Sessions.Sessions is [var session] && session.Receivers.All(r => r is null || r.Packets >= packets),
        $"{packets} RTP packets on every stream of the session");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        dir.Dispose();
    }
}

/// <summary>The SIPREC INVITE body as the sipp scenario shapes it: two sendonly G.711 streams labelled 1 and 2, RFC 7865 metadata with &lt;ct:callid&gt;.</summary>
internal static class Siprec
{
    public const string Boundary = "calltrail-rs-boundary";
    public const string Multipart = "multipart/mixed;boundary=" + Boundary;

    public static string Sdp(string direction = "sendonly", string formats = "0 8 101", string? secondFormats = "0 8", int version = 1)
    {
        var text = new StringBuilder();
        text.Append($"v=0\r\no=- 1 {version} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        text.Append($"m=audio 41000 RTP/AVP {formats}\r\n");
        Maps(text, formats);
        text.Append($"a=label:1\r\na={direction}\r\n");
        if (secondFormats is not null)
        {
            text.Append($"m=audio 41002 RTP/AVP {secondFormats}\r\n");
            Maps(text, secondFormats);
            text.Append($"a=label:2\r\na={direction}\r\n");
        }

        return text.ToString();
    }

    public static string Metadata(string? callId) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <recording xmlns="urn:ietf:params:xml:ns:recording:1">
          <datamode>complete</datamode>
          <session session_id="c2Vzc2lvbg==">
            <start-time>2026-11-25T00:00:00Z</start-time>
            {(callId is null ? "" : $"<extensiondata xmlns:ct=\"urn:calltrail:siprec\"><ct:callid>{callId}</ct:callid></extensiondata>")}
          </session>
          <participant participant_id="cGFydGljaXBhbnQtY2FsbGVy">
            <nameID aor="sip:caller@example.com"><name>Caller</name></nameID>
          </participant>
          <participant participant_id="cGFydGljaXBhbnQtYWdlbnQ=">
            <nameID aor="sip:agent@example.com"><name>Agent</name></nameID>
          </participant>
          <stream stream_id="c3RyZWFtLWNhbGxlcg==" session_id="c2Vzc2lvbg=="><label>1</label></stream>
          <stream stream_id="c3RyZWFtLWFnZW50" session_id="c2Vzc2lvbg=="><label>2</label></stream>
          <participantstreamassoc participant_id="cGFydGljaXBhbnQtY2FsbGVy">
            <send>c3RyZWFtLWNhbGxlcg==</send><recv>c3RyZWFtLWFnZW50</recv>
          </participantstreamassoc>
          <participantstreamassoc participant_id="cGFydGljaXBhbnQtYWdlbnQ=">
            <send>c3RyZWFtLWFnZW50</send><recv>c3RyZWFtLWNhbGxlcg==</recv>
          </participantstreamassoc>
        </recording>
        """.ReplaceLineEndings("\r\n");

    public static string Body(string sdp, string metadata, string boundary = Boundary) =>
        $"--{boundary}\r\nContent-Type: application/sdp\r\n\r\n{sdp}\r\n"
        + $"--{boundary}\r\nContent-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n{metadata}\r\n"
        + $"--{boundary}--\r\n";

    /// <summary>A whole initial INVITE for a call.</summary>
    public static string Invite(SipTestClient client, string sipCallId, string branch, string? callId, string? sdp = null, IEnumerable<string>? headers = null) =>
        client.Request("INVITE", sipCallId, 1, branch, headers: ["Require: siprec", .. headers ?? []], contentType: Multipart, body: Body(sdp ?? Sdp(), Metadata(callId)));

    /// <summary>The answer's SDP, which must parse.</summary>
    public static SessionDescription Answer(SipMessage response)
    {
        Assert.Equal("application/sdp", response.ContentType?.MediaType);
        var parsed = SessionDescription.Parse(Encoding.UTF8.GetString(response.Body.Span));
        Assert.True(parsed.IsSuccess, parsed.Error);
        return parsed.Value;
    }

    private static void Maps(StringBuilder text, string formats)
    {
        foreach (var pt in formats.Split(' '))
        {
            text.Append(pt switch
            {
                "0" => "a=rtpmap:0 PCMU/8000\r\n",
                "8" => "a=rtpmap:8 PCMA/8000\r\n",
                "18" => "a=rtpmap:18 G729/8000\r\n",
                "101" => "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n",
                _ => "",
            });
        }
    }
}

/// <summary>Sends each stream's tone (<see cref="ManualCall.Tones"/>) as 20 ms RTP packets, paced in real time.</summary>
/// <remarks>
/// Timestamps follow the sender's clock across calls of <see cref="SendAsync"/>, as a real sender's do:
/// after a gap (a re-INVITE, a wait) the next packet's timestamp (and sequence number) has moved on by
/// the gap, so the recorder places it where it arrives however long the gap took.
/// </remarks>
internal sealed class RtpSender : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint[] targets;
    private readonly bool swapTones;
    private readonly uint ssrc;
    private long origin;
    private int next;

    /// <param name="from">The sender's address (127.0.0.1 when not given).</param>
    /// <param name="swapTones">Each stream in the other stream's tone (a sender whose audio is recognisable where it must not be).</param>
    public RtpSender(SessionDescription answer, IPAddress? from = null, bool swapTones = false, uint ssrc = 0x5EED0000)
    {
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        targets = [.. answer.Media.Select(m => new IPEndPoint(IPAddress.Loopback, m.Port))];
        (this.swapTones, this.ssrc) = (swapTones, ssrc);
    }

    /// <summary>Packets sent so far on each stream.</summary>
    public int Sent { get; private set; }

    /// <summary>
    /// Sends <paramref name="packets"/> packets on every stream, packet k due k·20 ms after the sender's first, as a
    /// real sender's timestamps follow its clock: after a stall (a busy test machine) it catches up rather than drifting behind.
    /// </summary>
    public async Task SendAsync(int packets)
    {
        if (Sent == 0)
        {
            origin = Stopwatch.GetTimestamp();
        }
        else
        {
            // The time since the last call passed without packets: skip the indices it would have used, no burst.
            next = Math.Max(next, (int)(Stopwatch.GetElapsedTime(origin).Ticks / TimeSpan.FromMilliseconds(20).Ticks));
        }

        for (var p = 0; p < packets; p++)
        {
            var due = TimeSpan.FromMilliseconds(20 * next) - Stopwatch.GetElapsedTime(origin);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            await SendNowAsync();
        }
    }

    private async Task SendNowAsync()
    {
        var index = next++;
        for (var s = 0; s < targets.Length; s++)
        {
            await socket.SendToAsync(ManualCall.PacketOf(swapTones ? 1 - s : s, index, ssrc), SocketFlags.None, targets[s]);
        }

        Sent++;
    }

    public void Dispose() => socket.Dispose();
}
