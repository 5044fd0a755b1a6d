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
/// <remarks>Thread-safe: packets, instructions and the flush tick arrive on different threads; one lock.</remarks>
public sealed class CallRecording
{
    private readonly Lock gate = new();
    private readonly RecordingSetup setup;
    private readonly StreamCodec[] streams;
    private readonly List<Mark> marks = [];
    private StreamClock[] clocks;
    private FrameWindow window;
    private RecordingWriter? writer;
    private long originTimestamp;
    private long writingSince;
    private long lastFlushTimestamp;
    private CallInstruction? service;
    private bool provisional;
    private bool clientPaused;
    private Mode mode = Mode.Silent;
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

    /// <summary>The recording's id once it has a file; null while nothing was kept.</summary>
    public string? Id => setup.Started?.Id;

    public RecordingSetup Setup => setup;

    public string? CallId => service?.CallId;

    public Mode Mode => mode;

    public bool IsFinished => finished;

    /// <summary>The marks written so far, in order.</summary>
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
            if (finished)
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
                FinishLocked(nowTimestamp, complete: true);
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
            clientPaused = paused;
            Update(nowTimestamp);
        }
    }

    /// <summary>The periodic tick: writes audio older than the reorder window; lets a provisional hold expire.</summary>
    public void Tick(long nowTimestamp)
    {
        lock (gate)
        {
            if (finished)
            {
                return;
            }

            if (service is null && provisional && Elapsed(originTimestamp, nowTimestamp) > setup.ProvisionalHold)
            {
                // Nobody claimed the audio in time: it is discarded, and the session waits silently for its call.
                provisional = false;
                Restart(nowTimestamp);
                Update(nowTimestamp);
                return;
            }

            if (writer is null || !setup.IsRegistered)
            {
                return;
            }

            window.Flush(FrameAt(nowTimestamp) - setup.ReorderFrames, writer);
            if (Elapsed(lastFlushTimestamp, nowTimestamp) >= setup.FlushInterval)
            {
                writer.Flush();
                lastFlushTimestamp = nowTimestamp;
            }
        }
    }

    /// <summary>Ends the recording: the rest of the window is written and the file closed. False if it had no file.</summary>
    public bool Finish(long nowTimestamp, bool complete)
    {
        lock (gate)
        {
            return FinishLocked(nowTimestamp, complete);
        }
    }

    private bool FinishLocked(long nowTimestamp, bool complete)
    {
        if (finished)
        {
            return false;
        }

        finished = true;
        if (writer is null)
        {
            return false;
        }

        var end = FrameAt(nowTimestamp);
        SetMode(Mode.Silent, null, end);
        if (setup.IsRegistered)
        {
            window.Flush(end, writer);
        }
        else
        {
            // No row lists the recording (yet, or ever): its held audio must not reach the file.
            window.EraseFrom(window.FlushedPoint);
        }

        if (complete)
        {
            writer.Complete(end);
        }
        else
        {
            writer.Flush();
        }

        writer.Dispose();
        return true;
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
        writer = setup.Open(Channels, instruction, originTimestamp);
        writer.WriteMarker(writingSince, MarkerKind.Start, null);
        marks.Add(new Mark(writingSince, MarkKind.Start, null));
    }

    private void Update(long nowTimestamp)
    {
        var (next, cause) = RecordingMode.Of(service?.State, service?.PauseCause, provisional, clientPaused);
        if (writer is null && service is not null && mode == Mode.Silent && next != Mode.Silent)
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
    /// back from now by how long ago it was, but never before audio already written, the current
    /// writing stretch or the last mark — what is still only in memory can be taken back, nothing else.
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
        if (next != Mode.Silent && writer is null && !(provisional && service is null))
        {
            writer = setup.Open(Channels, service!, originTimestamp);
        }

        if (writer is not null)
        {
            writer.WriteMarker(at, ToMarker(kind), cause);
            marks.Add(new Mark(at, kind, cause));
        }
    }

    /// <summary>Forgets everything held and starts the timeline again at now (only before the recording has a file).</summary>
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
