namespace Calltrail.Recorder.Control;

/// <summary>One channel of a recording and whose stream it carries (from the SIPREC metadata).</summary>
public sealed record ChannelInfo(int Channel, string? Label, string? Participant, string? Name);

/// <summary>
/// A stretch of a recording in ms from its start; a paused one carries its cause, whether its audio had
/// been stored and was redacted after the fact (and how much of it), and how late the recorder learnt of it.
/// </summary>
public sealed record SpanInfo(long StartMs, long EndMs, string? Cause = null)
{
    public bool Redacted { get; init; }

    public long LateMs { get; init; }

    public long RedactedMs { get; init; }
}

/// <summary>A recording as it begins. <see cref="File"/> is relative to the recordings directory.</summary>
public sealed record RecordingStarted(
    string Id, string CallId, string? Tenant, string SessionId, DateTimeOffset StartedAt, IReadOnlyList<ChannelInfo> Channels, string File);

/// <summary>A recording's final shape, read back from its file.</summary>
/// <param name="Agreement">How the audio compares with the call's plan (null: not compared, no plan was known).</param>
public sealed record RecordingFinished(
    string Id, bool Complete, DateTimeOffset EndedAt, long DurationMs, IReadOnlyList<SpanInfo> Spans, IReadOnlyList<SpanInfo> Paused, string Sha256, long SizeBytes)
{
    public PlanAgreement? Agreement { get; init; }
}

/// <summary>
/// A recording checked against its call's plan: whether its stored audio holds anything the plan does
/// not allow (read from the audio itself), and which plan version it was checked against.
/// </summary>
public sealed record PlanAgreement(bool Agrees, long PlanVersion, string? Problem = null);

/// <summary>Where the recorder keeps the list of its recordings (the service's database).</summary>
public interface IRecordingCatalog
{
    /// <summary>Registers a recording before its first audio reaches disk.</summary>
    Task StartedAsync(RecordingStarted recording, CancellationToken cancellationToken);

    Task FinishedAsync(RecordingFinished recording, CancellationToken cancellationToken);

    /// <summary>A recording by its id, as it began; null when the catalog does not list it.</summary>
    Task<RecordingStarted?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The finished recordings of a call that this recorder holds the files of (for a plan that changes after hangup).</summary>
    Task<IReadOnlyList<RecordingStarted>> FinishedOfCallAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Recordings registered but never finished: the recorder stopped (or was killed) while writing them.</summary>
    Task<IReadOnlyList<RecordingStarted>> UnfinishedAsync(CancellationToken cancellationToken);
}
