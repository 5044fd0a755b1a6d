using Calltrail.Live;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;
using Calltrail.Recorder.Rtp;

namespace Calltrail.Recorder.Live;

/// <summary>
/// The audio of one call as it is recorded: packets from each forked stream are placed on one timeline
/// (a channel per stream), held briefly for late and reordered packets, and written to the encrypted
/// file — but only while the mode is <see cref="Mode.Writing"/>. Every other moment is dropped on
/// arrival, and a pause erases whatever the window holds from the pause on, so paused audio never
/// reaches the file or outlives the pause in memory.
/// </summary>
/// <remarks>
/// Thread-safe. Two locks: <c>gate</c> guards the timeline (window, clocks, mode, marks) and is all a
/// packet ever waits for; <c>fileGate</c> guards the file, which is created, encrypted and written
/// outside <c>gate</c> (see CallRecording.File.cs), so a stalled disk never holds up packets.
/// </remarks>
public sealed partial class CallRecording
{
    private readonly Lock gate = new();
    private readonly RecordingSetup setup;
    private readonly StreamCodec[] streams;
    private readonly List<Mark> marks = [];
    private StreamClock[] clocks;
    private FrameWindow window;
    private RecordingStarted? begun;
    private long originTimestamp;
    private long writingSince;
    private CallInstruction? service;
    private bool provisional;
    private bool clientPaused;
    private Mode mode = Mode.Silent;
    private long? endFrame;
    private bool finished;

    public CallRecording(RecordingSetup setup, IReadOnlyList<StreamCodec> streams, bool provisional, long nowTimestamp)
    {
        this.setup = setup;
        this.streams = [.. streams];
        this.provisional = provisional;
        Channels = Math.Max(1, streams.Count);
        clocks = NewClocks();
        window = NewWindow();
        originTimestamp = nowTimestamp;
        lastFlushTimestamp = nowTimestamp;
        Update(nowTimestamp);
    }

    public int Channels { get; }

    /// <summary>The recording's id once it has begun; null while nothing was kept.</summary>
    public string? Id => Volatile.Read(ref begun)?.Id;

    public RecordingSetup Setup => setup;

    public string? CallId => service?.CallId;

    public Mode Mode => mode;

    public bool IsFinished => finished;

    /// <summary>The service said the call is over: nothing more is kept, and the recording should be finished.</summary>
    public bool IsEnding => endFrame is not null;

    /// <summary>The marks so far, in order.</summary>
    public IReadOnlyList<Mark> Marks
    {
        get
        {
            lock (gate)
            {
                return [.. marks];
            }
        }
    }

    /// <summary>Packets dropped because the mode was not writing, or they fell outside the window.</summary>
    public long Dropped { get; private set; }

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
            if (mode != Mode.Writing || finished)
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

    /// <summary>The service's latest word on the call (the first one links a provisional recording).</summary>
    public void Obey(CallInstruction instruction, long nowTimestamp)
    {
        lock (gate)
        {
            if (finished || endFrame is not null)
            {
                return;
            }

            if (service is null && provisional)
            {
                Link(instruction, nowTimestamp);
            }

            service = instruction;
            if (instruction.Ended)
            {
                // Nothing more is kept from now; the file is closed by Finish, off this thread.
                endFrame = FrameAt(nowTimestamp);
                SetMode(Mode.Silent, null, endFrame.Value);
                return;
            }

            Update(nowTimestamp);
        }
    }

    /// <summary>The recording client paused (every stream inactive) or resumed sending.</summary>
    public void ClientPaused(bool paused, long nowTimestamp)
    {
        lock (gate)
        {
            if (finished || endFrame is not null)
            {
                return;
            }

            clientPaused = paused;
            Update(nowTimestamp);
        }
    }

    private void Link(CallInstruction instruction, long nowTimestamp)
    {
        var (linkedMode, _) = RecordingMode.Of(instruction.State, instruction.PauseCause, provisional: false, clientPaused);
        provisional = false;
        if (linkedMode != Mode.Writing)
        {
            // Held audio is kept only when the call turns out to be recorded right now; otherwise it is dropped.
            Restart(nowTimestamp);
            return;
        }

        // The held audio becomes the start of the recording: the file begins where the session began.
        Begin(instruction);
        AddMark(new Mark(writingSince, MarkKind.Start, null));
    }

    private void Update(long nowTimestamp)
    {
        var (next, cause) = RecordingMode.Of(service?.State, service?.PauseCause, provisional, clientPaused);
        if (begun is null && service is not null && mode == Mode.Silent && next != Mode.Silent)
        {
            // The recording begins now (late, if a transfer forced it): its timeline starts here.
            Restart(nowTimestamp);
        }
        else if (service is null && provisional && next != mode)
        {
            // Held audio is one unbroken stretch: a client pause while the call is still unknown drops
            // what was held, and holding starts again at the resume.
            Restart(nowTimestamp);
        }

        var at = FrameAt(nowTimestamp);
        if (mode == Mode.Writing && next == Mode.Paused && service?.PausedSince is { } since)
        {
            at = PauseFrame(since, at);
        }

        SetMode(next, cause, at);
    }

    /// <summary>
    /// Where a pause that began at <paramref name="since"/> (the events' clock) falls on the timeline:
    /// back from now by how long ago it was, but never before audio already taken for the file, the
    /// current writing stretch or the last mark — what is still only in memory can be taken back, nothing else.
    /// </summary>
    private long PauseFrame(DateTimeOffset since, long now)
    {
        var ago = (setup.Time.GetUtcNow() - since).TotalMilliseconds;
        var wanted = now - (long)(Math.Max(0, ago) * RecordingTimeline.FramesPerMs);
        var floor = Math.Max(Math.Max(window.FlushedPoint, writingSince), marks.Count > 0 ? marks[^1].Frame : 0);
        return Math.Clamp(wanted, floor, now);
    }

    private void SetMode(Mode next, string? cause, long at)
    {
        if (RecordingMode.Mark(mode, next) is not { } kind)
        {
            return;
        }

        if (mode == Mode.Writing)
        {
            window.EraseFrom(at);
        }

        if (next == Mode.Writing)
        {
            writingSince = at;
        }

        mode = next;
        if (next != Mode.Silent && begun is null && service is not null)
        {
            Begin(service);
        }

        if (begun is not null)
        {
            AddMark(new Mark(at, kind, cause));
        }
    }

    /// <summary>The recording exists from here: its id, file name and start are fixed; the file itself is made off the lock.</summary>
    private void Begin(CallInstruction call) => Volatile.Write(ref begun, setup.Begin(call, originTimestamp));

    private void AddMark(Mark mark)
    {
        marks.Add(mark);
        outbox.Add(mark);
    }

    /// <summary>Forgets everything held and starts the timeline again at now (only before the recording has begun).</summary>
    private void Restart(long nowTimestamp)
    {
        window = NewWindow();
        clocks = NewClocks();
        originTimestamp = nowTimestamp;
        writingSince = 0;
        mode = Mode.Silent;
    }

    private long FrameAt(long timestamp) => (long)(Elapsed(originTimestamp, timestamp).Ticks * (8000.0 / TimeSpan.TicksPerSecond));

    private TimeSpan Elapsed(long from, long to) => setup.Time.GetElapsedTime(from, to);

    private StreamClock[] NewClocks() => [.. streams.Select(_ => new StreamClock())];

    private FrameWindow NewWindow() => new(Channels, setup.WindowFrames(provisional));

    private static MarkerKind ToMarker(MarkKind kind) => kind switch
    {
        MarkKind.Start => MarkerKind.Start,
        MarkKind.Pause => MarkerKind.Pause,
        MarkKind.Resume => MarkerKind.Resume,
        _ => MarkerKind.Stop,
    };
}
