using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>The file side of a call's recording: made, written, redacted and closed outside the packets' lock.</summary>
public sealed partial class CallRecording
{
    // Lock order: fileGate, then gate. A packet takes only gate, and gate is never held across file I/O.
    private readonly Lock fileGate = new();
    private readonly Outbox outbox;
    private RecordingWriter? writer;
    private long lastFlushTimestamp;

    /// <summary>The periodic tick: settled audio and new marks go to the file, late pauses are redacted there; a provisional hold may expire.</summary>
    public void Tick(long nowTimestamp)
    {
        lock (fileGate)
        {
            if (Volatile.Read(ref begun) is { } begunRecording)
            {
                setup.Register(begunRecording);
            }

            List<Outbox.Entry> taken;
            RecordingStarted? recording;
            lock (gate)
            {
                if (finished)
                {
                    return;
                }

                if (plan is null && provisional && Elapsed(originTimestamp, nowTimestamp) > setup.ProvisionalHold)
                {
                    // Nobody claimed the audio in time: it is discarded, and the session waits silently for its call.
                    provisional = false;
                    Restart(nowTimestamp);
                    Update(nowTimestamp);
                    return;
                }

                Follow(nowTimestamp);
                recording = begun;
                if (recording is null)
                {
                    return;
                }

                // Audio reaches the file only once the catalog lists the recording (its registration landed).
                if (setup.IsRegistered && endFrame is null)
                {
                    window.Flush(FrameAt(nowTimestamp) - setup.ReorderFrames, outbox);
                }

                taken = outbox.Take();
            }

            writer ??= setup.Create(recording, Channels);
            Write(taken);
            if (Elapsed(lastFlushTimestamp, nowTimestamp) >= setup.FlushInterval)
            {
                writer.Flush();
                lastFlushTimestamp = nowTimestamp;
            }
        }
    }

    /// <summary>
    /// Starts registering the recording in the catalog as soon as it began (the tick would, a little
    /// later); a session ending awaits the task so held audio is kept. Null while nothing began.
    /// </summary>
    public Task? StartRegistration()
    {
        lock (fileGate)
        {
            return Volatile.Read(ref begun) is { } recording ? setup.Register(recording) : null;
        }
    }

    /// <summary>Ends the recording: the rest of the window is written and the file closed. False if nothing was ever kept.</summary>
    public bool Finish(long nowTimestamp, bool complete)
    {
        lock (fileGate)
        {
            if (Volatile.Read(ref begun) is { } begunRecording)
            {
                setup.Register(begunRecording);
                writer ??= setup.Create(begunRecording, Channels);
            }

            List<Outbox.Entry> taken;
            RecordingStarted recording;
            long end;
            lock (gate)
            {
                if (finished)
                {
                    return false;
                }

                finished = true;
                if (begun is null)
                {
                    return false;
                }

                recording = begun;
                end = endFrame ?? FrameAt(nowTimestamp);
                window.Erase(end, long.MaxValue);
                if (setup.IsRegistered)
                {
                    window.Flush(end, outbox);
                }
                else
                {
                    // No row lists the recording (yet, or ever): its held audio must not reach the file.
                    window.Erase(0, long.MaxValue);
                }

                if (state != Calltrail.Live.AudioState.NotRecording)
                {
                    (state, stateSince) = (Calltrail.Live.AudioState.NotRecording, setup.Time.GetUtcNow());
                }
                outbox.Removals(book.Current(ClientPausesNow()));
                taken = outbox.Take();
            }

            writer ??= setup.Create(recording, Channels);
            Write(taken);
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
    }

    private void Write(List<Outbox.Entry> taken)
    {
        foreach (var entry in taken)
        {
            switch (entry.Kind)
            {
                case Outbox.EntryKind.Audio:
                    writer!.WriteAudio(entry.Frame, entry.Samples.AsSpan(0, entry.Length));
                    break;
                case Outbox.EntryKind.Marker:
                    writer!.WriteMarker(entry.Frame, entry.Marker);
                    break;
                case Outbox.EntryKind.Refuse:
                    writer!.Refuse(entry.Spans!);
                    break;
                case Outbox.EntryKind.Redact:
                    writer!.Redact(entry.Spans!);
                    break;
                default:
                    writer!.WriteRemovals(entry.Removals!);
                    break;
            }
        }

        Outbox.Release(taken);
    }
}
