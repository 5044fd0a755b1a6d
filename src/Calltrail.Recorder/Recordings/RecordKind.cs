namespace Calltrail.Recorder.Recordings;

/// <summary>The two kinds of record after a recording file's header. The numbers are stored in files.</summary>
public enum RecordKind : byte
{
    Audio = 1,
    Marker = 2,

    /// <summary>The stretches of the timeline that hold no audio, and why (see <see cref="RecordingLayout"/>).</summary>
    Removals = 3,
}
