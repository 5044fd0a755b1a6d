using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>
/// What one recording needs from outside: its id, where its file goes, the clock, the timing settings
/// and the catalog. <see cref="Open"/> creates the file the moment there is something to keep and
/// starts registering it in the catalog; no audio is written to the file until that registration has
/// landed, so a crash can never leave audio on disk that the catalog does not list.
/// </summary>
public sealed class RecordingSetup(
    Guid id,
    string sessionId,
    IReadOnlyList<ChannelInfo> channels,
    RecordingFiles files,
    RecorderOptions options,
    TimeProvider time,
    Func<RecordingStarted, Task> register)
{
    public Guid Id { get; } = id;

    public TimeProvider Time { get; } = time;

    public TimeSpan ProvisionalHold { get; } = options.ProvisionalHold;

    public TimeSpan FlushInterval { get; } = options.FlushInterval;

    public long ReorderFrames { get; } = (long)(options.ReorderWindow.TotalMilliseconds * RecordingTimeline.FramesPerMs);

    /// <summary>The recording once it began (<see cref="Begin"/>).</summary>
    public RecordingStarted? Started { get; private set; }

    public Task? Registration { get; private set; }

    public bool IsRegistered => Registration?.IsCompletedSuccessfully == true;

    /// <summary>The window holds the reorder delay and two seconds more (the registration's time), or the whole provisional hold.</summary>
    public int WindowFrames(bool provisional) =>
        (int)(ReorderFrames + (RecordingTimeline.FramesPerMs * (provisional ? ProvisionalHold.TotalMilliseconds : 0)) + 16_000);

    /// <summary>Fixes what the recording is (id, call, start, file name); nothing is written or registered yet.</summary>
    public RecordingStarted Begin(string callId, string? tenant, long originUnixMs)
    {
        var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(originUnixMs);
        Started = new RecordingStarted(Id.ToString("D"), callId, tenant, sessionId, startedAt, channels, files.RelativePathOf(Id, startedAt));
        return Started;
    }

    /// <summary>Starts registering the recording in the catalog (once); never called under the packets' lock.</summary>
    public Task Register(RecordingStarted recording) => Registration ??= register(recording);

    /// <summary>Creates the recording's file (its header only), off the packets' lock.</summary>
    public RecordingWriter Create(RecordingStarted recording, int channelCount) => files.Create(recording, channelCount);
}
