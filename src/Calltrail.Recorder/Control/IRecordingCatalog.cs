namespace Calltrail.Recorder.Control;

/// <summary>One channel of a recording and whose stream it carries (from the SIPREC metadata).</summary>
public sealed record ChannelInfo(int Channel, string? Label, string? Participant, string? Name);

/// <summary>A stretch of a recording in ms from its start; a paused one carries its cause.</summary>
public sealed record SpanInfo(long StartMs, long EndMs, string? Cause = null);

/// <summary>A recording as it begins. <see cref="File"/> is relative to the recordings directory.</summary>
public sealed record RecordingStarted(
    string Id, string CallId, string? Tenant, string SessionId, DateTimeOffset StartedAt, IReadOnlyList<ChannelInfo> Channels, string File);

/// <summary>A recording's final shape, read back from its file.</summary>
public sealed record RecordingFinished(
    string Id, bool Complete, DateTimeOffset EndedAt, long DurationMs, IReadOnlyList<SpanInfo> Spans, IReadOnlyList<SpanInfo> Paused, string Sha256, long SizeBytes);

/// <summary>Where the recorder keeps the list of its recordings (the service's database).</summary>
public interface IRecordingCatalog
{
    /// <summary>Registers a recording before its first audio reaches disk.</summary>
    Task StartedAsync(RecordingStarted recording, CancellationToken cancellationToken);

    Task FinishedAsync(RecordingFinished recording, CancellationToken cancellationToken);

    /// <summary>Recordings registered but never finished: the recorder stopped (or was killed) while writing them.</summary>
    Task<IReadOnlyList<RecordingStarted>> UnfinishedAsync(CancellationToken cancellationToken);
}
