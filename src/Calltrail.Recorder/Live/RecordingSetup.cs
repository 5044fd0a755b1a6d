using Calltrail.Recorder.Control;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>
/// What one recording needs from outside: its id, where its file goes, the keys, the clock and the
/// timing settings. <see cref="Open"/> creates the file the moment there is audio to keep and tells
/// the catalog, whose registration is queued so the caller (holding the recording's lock) never waits on a database.
/// </summary>
public sealed class RecordingSetup(
    string id,
    string sessionId,
    IReadOnlyList<ChannelInfo> channels,
    RecordingFiles files,
    RecorderOptions options,
    TimeProvider time,
    Action<RecordingStarted> started)
{
    public string Id { get; } = id;

    public TimeProvider Time { get; } = time;

    public TimeSpan ProvisionalHold { get; } = options.ProvisionalHold;

    public TimeSpan FlushInterval { get; } = options.FlushInterval;

    public long ReorderFrames { get; } = (long)(options.ReorderWindow.TotalMilliseconds * RecordingTimeline.FramesPerMs);

    /// <summary>The reorder window's size: a second beyond the reorder delay, or the whole provisional hold.</summary>
    public int WindowFrames(bool provisional) =>
        (int)(ReorderFrames + (RecordingTimeline.FramesPerMs * (provisional ? ProvisionalHold.TotalMilliseconds : 0) + 8000));

    /// <summary>Creates the recording's file, its timeline starting at <paramref name="originTimestamp"/>.</summary>
    public RecordingWriter Open(int channelCount, CallInstruction call, long originTimestamp)
    {
        var startedAt = Time.GetUtcNow() - Time.GetElapsedTime(originTimestamp);
        var recording = new RecordingStarted(Id, call.CallId, call.Tenant, sessionId, startedAt, channels, files.RelativePathOf(Id, startedAt));
        var writer = files.Create(recording, channelCount);
        started(recording);
        return writer;
    }
}
