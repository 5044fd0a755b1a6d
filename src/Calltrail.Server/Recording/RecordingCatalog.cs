using Calltrail.Recorder.Control;
using Calltrail.Storage.Recordings;

namespace Calltrail.Server.Recording;

/// <summary>The recorder's list of recordings, kept in the service's database next to the calls.</summary>
internal sealed class RecordingCatalog(RecordingStore store) : IRecordingCatalog
{
    public Task StartedAsync(RecordingStarted recording, CancellationToken cancellationToken) =>
        store.CreateAsync(
            new StoredRecording
            {
                Id = recording.Id,
                CallId = recording.CallId,
                Tenant = recording.Tenant,
                SessionId = recording.SessionId,
                StartedAt = recording.StartedAt.ToUnixTimeMilliseconds(),
                Status = RecordingStatus.Recording,
                Channels = [.. recording.Channels.Select(c => new RecordingChannel(c.Channel, c.Label, c.Participant, c.Name))],
                File = recording.File,
            },
            cancellationToken);

    public Task FinishedAsync(RecordingFinished recording, CancellationToken cancellationToken) =>
        store.FinishAsync(
            recording.Id,
            new RecordingOutcome(
                recording.Complete ? RecordingStatus.Complete : RecordingStatus.Incomplete,
                recording.EndedAt.ToUnixTimeMilliseconds(),
                recording.DurationMs,
                [.. recording.Spans.Select(Span)],
                [.. recording.Paused.Select(Span)],
                recording.Sha256,
                recording.SizeBytes)
            {
                Agreement = recording.Agreement is { } a ? new RecordingAgreement(a.Agrees, a.PlanVersion, a.Problem) : null,
            },
            cancellationToken);

    public async Task<IReadOnlyList<RecordingStarted>> UnfinishedAsync(CancellationToken cancellationToken) =>
        [.. (await store.InProgressAsync(cancellationToken)).Select(Started)];

    public async Task<RecordingStarted?> FindAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken: cancellationToken) is { } found ? Started(found) : null;

    public async Task<IReadOnlyList<RecordingStarted>> FinishedOfCallAsync(string callId, CancellationToken cancellationToken) =>
        [.. (await store.FinishedOfCallAsync(callId, cancellationToken)).Select(Started)];

    private static RecordingStarted Started(StoredRecording r) => new(
        r.Id, r.CallId, r.Tenant, r.SessionId, DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAt),
        [.. r.Channels.Select(c => new ChannelInfo(c.Channel, c.Label, c.Participant, c.Name))], r.File);

    private static RecordingSpan Span(SpanInfo span) => new(span.StartMs, span.EndMs, span.Cause)
    {
        Redacted = span.Redacted,
        LateMs = span.LateMs,
        RedactedMs = span.RedactedMs,
    };
}
