using Calltrail.Live;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;
using Calltrail.Recorder.Rtp;

namespace Calltrail.Recorder.Live;

/// <summary>
/// The audio of one call as it is recorded: packets from each forked stream are placed on one timeline
/// (a channel per stream), held briefly for late and reordered packets, and written to the encrypted
/// file — but only what the call's plan lets it keep. The latest plan (<see cref="Apply"/>, in version
/// order) says, in the events' own times, what may be kept and what is paused; whatever it disallows is
/// erased from memory at once, and if it already reached the file it is redacted there. While the plan
/// says recording, packets are kept as they arrive; in any other state they are dropped on arrival.
/// </summary>
/// <remarks>
/// Thread-safe. Two locks: <c>gate</c> guards the timeline (window, clocks, plan, state) and is all a
/// packet ever waits for; <c>fileGate</c> guards the file, which is created, encrypted, written and
/// redacted outside <c>gate</c> (CallRecording.File.cs), so a stalled disk never holds up packets.
/// </remarks>
public sealed partial class CallRecording
{
    /// <summary>The cause of the recording client's own pause (a re-INVITE that makes the streams inactive).</summary>
    public const string ClientPause = "recording-client";

    private readonly Lock gate = new();
    private readonly RecordingSetup setup;
    private readonly StreamCodec[] streams;
    private readonly RemovalBook book = new();
    private readonly List<Removal> clientPauses = [];
    private readonly FrameRanges redacted = new();
    private StreamClock[] clocks;
    private FrameWindow window;
    private RecordingStarted? begun;
    private long originTimestamp;
    private long originUnixMs;
    private long writingSince;
    private RecordingPlan? plan;
    private bool provisional;
    private long? clientPausedFrom;
    private AudioState state = AudioState.NotRecording;
    private long? endFrame;
    private bool finished;
    private DateTimeOffset? planAppliedAt;
    private DateTimeOffset stateSince;

    public CallRecording(RecordingSetup setup, IReadOnlyList<StreamCodec> streams, bool provisional, long nowTimestamp)
    {
        this.setup = setup;
        this.streams = [.. streams];
        this.provisional = provisional;
        Channels = Math.Max(1, streams.Count);
        outbox = new Outbox(Channels);
        clocks = NewClocks();
        window = NewWindow();
        SetOrigin(nowTimestamp);
        lastFlushTimestamp = nowTimestamp;
        state = provisional ? AudioState.Recording : AudioState.NotRecording;
        stateSince = setup.Time.GetUtcNow();
    }

    public int Channels { get; }

    /// <summary>The recording's id once it has begun; null while nothing was kept.</summary>
    public string? Id => Volatile.Read(ref begun)?.Id;

    public RecordingSetup Setup => setup;

    public string? CallId => plan?.CallId;

    /// <summary>What happens to audio arriving now.</summary>
    public AudioState State => state;

    /// <summary>The version of the plan in force; 0 before any.</summary>
    public long PlanVersion => plan?.Version ?? 0;

    public bool IsFinished => finished;

    /// <summary>The plan said the call is over: nothing more is kept, and the recording should be finished.</summary>
    public bool IsEnding => endFrame is not null;

    /// <summary>The stretches that hold no audio so far, and why (frames from the recording's start).</summary>
    public IReadOnlyList<Removal> Removals
    {
        get
        {
            lock (gate)
            {
                return book.Current(ClientPausesNow());
            }
        }
    }

    /// <summary>Packets dropped because audio was not being kept, or they fell outside the window.</summary>
    public long Dropped { get; private set; }

    /// <summary>
    /// A consistent snapshot for diagnostics: the plan in force and when it was applied, the state and
    /// since when (by the recorder's clock) — from that moment arriving audio has been kept or dropped.
    /// </summary>
    public LiveRecordingStatus Status
    {
        get
        {
            lock (gate)
            {
                return new LiveRecordingStatus(plan?.CallId, plan?.Tenant, begun?.Id, state, stateSince, plan?.Version ?? 0, planAppliedAt, Dropped);
            }
        }
    }

    /// <summary>One RTP datagram from stream <paramref name="stream"/>. The hot path: no allocation, no I/O.</summary>
    public void Packet(int stream, ReadOnlySpan<byte> datagram, long nowTimestamp)
    {
        if (!RtpPacket.TryParse(datagram, out var header) || (uint)stream >= (uint)streams.Length)
        {
            return;
        }

        var codec = streams[stream];
        if (codec.LawOf(header.PayloadType) is not { } law)
        {
            return;
        }

        var payload = datagram.Slice(header.PayloadOffset, header.PayloadLength);
        Span<short> pcm = stackalloc short[Math.Min(payload.Length, 1600)];
        payload = payload[..pcm.Length];
        lock (gate)
        {
            if (state != AudioState.Recording || finished)
            {
                Dropped++;
                return;
            }

            var arrival = FrameAt(nowTimestamp);
            if (!clocks[stream].TryPlace(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival, out var position))
            {
                Dropped++;
                return;
            }

            // A late packet whose place is before the current writing stretch (in a pause) is not kept.
            var skip = (int)Math.Clamp(writingSince - position, 0, pcm.Length);
            if (skip == pcm.Length)
            {
                Dropped++;
                return;
            }

            G711.Decode(payload, pcm, law);
            window.Write(codec.Channel, position + skip, pcm[skip..]);
        }
    }

    /// <summary>
    /// The call's plan as of one committed change. An older plan than the one in force is ignored, so
    /// plans may arrive in any order, and twice. The first one links a provisional recording.
    /// </summary>
    public void Apply(RecordingPlan next, long nowTimestamp)
    {
        lock (gate)
        {
            if (finished || !next.Supersedes(plan))
            {
                return;
            }

            var first = plan is null;
            plan = next;
            if (first && provisional)
            {
                provisional = false;
                KeepHeldAudioIfAllowed(nowTimestamp);
            }

            if (next.Ended && endFrame is null)
            {
                // Nothing more is kept from now; the file is closed by Finish, off this thread.
                endFrame = FrameAt(nowTimestamp);
            }

            Update(nowTimestamp);
            Enforce(UnixMs());
            planAppliedAt = setup.Time.GetUtcNow();
        }
    }

    /// <summary>The recording client paused (every stream inactive) or resumed sending.</summary>
    public void ClientPaused(bool paused, long nowTimestamp)
    {
        lock (gate)
        {
            if (finished || endFrame is not null || paused == (clientPausedFrom is not null))
            {
                return;
            }

            var now = FrameAt(nowTimestamp);
            if (paused)
            {
                clientPausedFrom = now;
            }
            else
            {
                clientPauses.Add(new Removal(clientPausedFrom!.Value, Math.Max(now, clientPausedFrom.Value + 1), ClientPause));
                clientPausedFrom = null;
            }

            if (plan is null && provisional)
            {
                // Held audio is one unbroken stretch: a client pause while the call is still unknown drops
                // what was held, and holding starts again at the resume.
                Restart(nowTimestamp);
            }

            Update(nowTimestamp);
            if (begun is not null)
            {
                outbox.Removals(book.Current(ClientPausesNow()));
            }
        }
    }

    /// <summary>A provisional recording's first plan: the held audio the plan allows becomes the start of the recording; the rest is dropped.</summary>
    private void KeepHeldAudioIfAllowed(long nowTimestamp)
    {
        foreach (var removal in PlanFrames.Disallowed(plan!, originUnixMs))
        {
            window.Erase(removal.FromFrame, removal.ToFrame);
        }

        if (window.HoldsAudio)
        {
            // The file begins where the session began.
            Begin();
            return;
        }

        Restart(nowTimestamp);
    }

    /// <summary>
    /// What audio arriving now does: the plan's segment covering this moment (normally its open one; an
    /// earlier one while the telephony's clock runs ahead of the recorder's), and the client's own pause.
    /// </summary>
    private (AudioState State, PlanSegment? Segment) Now(long nowUnixMs)
    {
        var segment = plan?.SegmentAt(nowUnixMs);
        var wanted = plan switch
        {
            null => provisional ? AudioState.Recording : AudioState.NotRecording,
            _ when endFrame is not null => AudioState.NotRecording,
            _ => segment?.State ?? AudioState.NotRecording,
        };
        return (wanted == AudioState.Recording && clientPausedFrom is not null ? AudioState.Paused : wanted, segment);
    }

    /// <summary>The plan's next boundary may have come (its events ran ahead of the recorder's clock): the state follows.</summary>
    private void Follow(long nowTimestamp)
    {
        if (plan is not null && Now(UnixMs()).State != state)
        {
            Update(nowTimestamp);
        }
    }

    private long UnixMs() => setup.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Update(long nowTimestamp)
    {
        var (next, segment) = Now(UnixMs());
        if (begun is null && plan is not null && next != AudioState.NotRecording)
        {
            // The recording begins now (late, if a transfer forced it): its timeline starts here.
            Restart(nowTimestamp);
            Begin();
        }

        var now = FrameAt(nowTimestamp);
        if (state == AudioState.Recording && next != AudioState.Recording)
        {
            window.Erase(now, long.MaxValue);
        }

        if (next == AudioState.Recording && state != AudioState.Recording)
        {
            // Audio placed before now arrived while not recording. Nor is any kept before the plan's own
            // resume, should the telephony's clock run ahead of the recorder's.
            var resumed = plan?.ConnectedAt is { } connect && segment is { State: AudioState.Recording } covering
                ? PlanFrames.FrameOf(connect + covering.FromMs, originUnixMs) : now;
            writingSince = Math.Max(now, resumed);
        }

        if (next != state)
        {
            stateSince = setup.Time.GetUtcNow();
        }

        state = next;
    }

    /// <summary>
    /// Makes the timeline agree with the plan in force: what it disallows is erased from memory and
    /// refused by the writer, and whatever of it already reached the file is redacted there.
    /// </summary>
    private void Enforce(long heardUnixMs)
    {
        if (plan is null || begun is null)
        {
            return;
        }

        var disallowed = PlanFrames.Disallowed(plan, originUnixMs);
        book.Plan(disallowed, heardUnixMs, originUnixMs);
        var redact = new List<FrameSpan>();
        foreach (var removal in disallowed)
        {
            window.Erase(removal.FromFrame, removal.ToFrame);
            outbox.Silence(removal.Span);
            var stored = outbox.Stored.Within(new FrameSpan(removal.FromFrame, Math.Min(removal.ToFrame, window.FlushedPoint)));
            var fresh = stored.SelectMany(s => redacted.Outside(s)).ToList();
            foreach (var span in fresh)
            {
                redacted.Add(span);
                book.Redacted(removal, span.Length);
            }

            redact.AddRange(fresh);
        }

        outbox.Refuse([.. disallowed.Select(r => r.Span)]);
        if (redact.Count > 0)
        {
            outbox.Redact(redact);
        }

        outbox.Removals(book.Current(ClientPausesNow()));
    }

    private IEnumerable<Removal> ClientPausesNow() =>
        clientPausedFrom is { } from ? clientPauses.Append(new Removal(from, Removal.Open, ClientPause)) : clientPauses;

    /// <summary>The recording exists from here: its id, file name and start are fixed; the file itself is made off the lock.</summary>
    private void Begin()
    {
        Volatile.Write(ref begun, setup.Begin(plan?.CallId ?? "", plan?.Tenant, originUnixMs));
        outbox.Add(MarkerKind.Start, 0);
    }

    /// <summary>Forgets everything held and starts the timeline again at now (only before the recording has begun).</summary>
    private void Restart(long nowTimestamp)
    {
        window.Erase(0, long.MaxValue);
        window = NewWindow();
        clocks = NewClocks();
        outbox.Discard();
        redacted.Clear();
        book.Forget();
        clientPauses.Clear();
        if (clientPausedFrom is not null)
        {
            clientPausedFrom = 0;
        }

        SetOrigin(nowTimestamp);
        writingSince = 0;
    }

    // Frame 0 is a whole millisecond by the recorder's clock, as the catalog stores a recording's start,
    // so the plan lands on the same frames for everyone who maps it (PlanFrames).
    private void SetOrigin(long nowTimestamp)
    {
        var unixMs = setup.Time.GetUtcNow().ToUnixTimeMilliseconds();
        originUnixMs = unixMs;
        originTimestamp = nowTimestamp;
    }

    private long FrameAt(long timestamp) => (long)(Elapsed(originTimestamp, timestamp).Ticks * (8000.0 / TimeSpan.TicksPerSecond));

    private TimeSpan Elapsed(long from, long to) => setup.Time.GetElapsedTime(from, to);

    private StreamClock[] NewClocks() => [.. streams.Select(_ => new StreamClock())];

    private FrameWindow NewWindow() => new(Channels, setup.WindowFrames(provisional));
}

/// <summary>A live recording as diagnostics show it (<see cref="CallRecording.Status"/>); times by the recorder's clock.</summary>
public sealed record LiveRecordingStatus(
    string? CallId, string? Tenant, string? RecordingId, AudioState State, DateTimeOffset StateSince, long PlanVersion, DateTimeOffset? PlanAppliedAt, long Dropped);
