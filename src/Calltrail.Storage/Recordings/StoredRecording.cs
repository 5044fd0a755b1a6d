namespace Calltrail.Storage.Recordings;

/// <summary>Where a recording stands: being written, finished, or cut short (the recorder stopped mid-call).</summary>
public static class RecordingStatus
{
    public const string Recording = "recording";
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
}

/// <summary>One channel of a recording: whose stream it holds.</summary>
public sealed record RecordingChannel(int Channel, string? Label, string? Participant, string? Name);

/// <summary>
/// A stretch of the recording, in ms from its start. Paused spans carry why, whether the audio had been
/// stored and was removed afterwards (redacted, and how much), and how late the recorder learnt of it.
/// </summary>
public sealed record RecordingSpan(long StartMs, long EndMs, string? Cause = null)
{
    public bool Redacted { get; init; }

    public long LateMs { get; init; }

    public long RedactedMs { get; init; }
}

/// <summary>
/// How a recording's stored audio compares with its call's plan (read from the audio itself): it agrees
/// when it holds nothing the plan does not allow. <see cref="Problem"/> says why it does not.
/// </summary>
public sealed record RecordingAgreement(bool Agrees, long PlanVersion, string? Problem = null);

/// <summary>
/// A recording as stored: the call it belongs to, its audio file (relative to the recordings
/// directory), its channels, and — once finished or recovered — duration, spans and checksum.
/// Times are Unix ms.
/// </summary>
public sealed record StoredRecording
{
    public required string Id { get; init; }

    public required string CallId { get; init; }

    public string? Tenant { get; init; }

    /// <summary>The SIP Call-ID of the recording session that delivered the audio.</summary>
    public required string SessionId { get; init; }

    public required long StartedAt { get; init; }

    public long? EndedAt { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<RecordingChannel> Channels { get; init; }

    public long DurationMs { get; init; }

    /// <summary>Where audio was kept.</summary>
    public IReadOnlyList<RecordingSpan> Spans { get; init; } = [];

    /// <summary>Where it was paused (silence in the file), with the cause.</summary>
    public IReadOnlyList<RecordingSpan> Paused { get; init; } = [];

    /// <summary>SHA-256 (hex) of the WAV exactly as served; null while recording.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Size of the WAV as served, in bytes.</summary>
    public long SizeBytes { get; init; }

    public required string File { get; init; }

    /// <summary>Null until the recording was checked against its call's plan.</summary>
    public RecordingAgreement? Agreement { get; init; }
}

/// <summary>How a recording ended: its final shape, from the file.</summary>
public sealed record RecordingOutcome(
    string Status, long EndedAt, long DurationMs, IReadOnlyList<RecordingSpan> Spans, IReadOnlyList<RecordingSpan> Paused, string Sha256, long SizeBytes)
{
    public RecordingAgreement? Agreement { get; init; }
}

/// <summary>Someone played, downloaded or looked at a recording.</summary>
public sealed record RecordingAccess(string RecordingId, long At, string Who, string Action, string? Detail);
