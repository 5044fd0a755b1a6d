using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>The file side of a call's recording: made, written and closed outside the packets' lock.</summary>
public sealed partial class CallRecording
{
    // Lock order: fileGate, then gate. A packet takes only gate, and gate is never held across file I/O.
    private readonly Lock fileGate = new();
    private readonly Outbox outbox = new();
    private RecordingWriter? writer;
    private long lastFlushTimestamp;

    /// <summary>The periodic tick: settled audio and new marks go to the file; a provisional hold may expire.</summary>
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

                if (service is null && provisional && Elapsed(originTimestamp, nowTimestamp) > setup.ProvisionalHold)
                {
                    // Nobody claimed the audio in time: it is discarded, and the session waits silently for its call.
                    provisional = false;
                    Restart(nowTimestamp);
                    Update(nowTimestamp);
                    return;
                }

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
                SetMode(Mode.Silent, null, end);
                if (setup.IsRegistered)
                {
                    window.Flush(end, outbox);
                }
                else
                {
                    // No row lists the recording (yet, or ever): its held audio must not reach the file.
                    window.EraseFrom(window.FlushedPoint);
                }

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
            if (entry.Mark is { } mark)
            {
                writer!.WriteMarker(mark.Frame, ToMarker(mark.Kind), mark.Cause);
            }
            else
            {
                writer!.WriteAudio(entry.Frame, entry.Samples.AsSpan(0, entry.Length));
            }
        }

        Outbox.Release(taken);
    }
}
