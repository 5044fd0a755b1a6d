namespace Calltrail.Recorder.Recordings;

/// <summary>Frames [Start, End) of a recording's timeline.</summary>
public readonly record struct FrameSpan(long Start, long End)
{
    public long Length => End - Start;
}

/// <summary>A marker record as read back.</summary>
public sealed record RecordingMarker(uint Index, long AtFrame, MarkerKind Kind, string? Cause);

/// <summary>One valid record of a file: what it holds and where its ciphertext lies.</summary>
public readonly record struct RecordInfo(RecordKind Kind, uint Index, long StartFrame, int FrameCount, long PayloadOffset, int PayloadLength)
{
    /// <summary>How many times the record was rewritten in place (0 as first appended; see <see cref="RecordingLayout"/>).</summary>
    public uint Generation { get; init; }

    public long RecordOffset => PayloadOffset - RecordingLayout.RecordHeaderSize;

    public long EndFrame => StartFrame + FrameCount;
}

/// <summary>How a file ends after its last valid record.</summary>
public enum RecordingTail
{
    /// <summary>Nothing follows the last valid record.</summary>
    Clean,

    /// <summary>A partial record follows: the writer stopped mid-record (a crash). Everything before it is good.</summary>
    Torn,

    /// <summary>A whole record follows that fails its checks or authentication: damage or tampering. Everything before it is good.</summary>
    Damaged,
}

/// <summary>The outcome of <see cref="RecordingReader.Open"/>: contents, or why there are none.</summary>
public sealed record RecordingOpenResult(RecordingContents? Contents, RecordingOpenError Error, string Detail);
