using Calltrail.Storage.Recordings;

namespace Calltrail.Server.Recording;

/// <summary>A recording as the API shows it: what it holds, where it paused, whether it was finished, and links.</summary>
public sealed record RecordingView(
    string Id,
    string CallId,
    string? Tenant,
    string Status,
    bool Complete,
    string StartedAt,
    string? EndedAt,
    long DurationMs,
    IReadOnlyList<RecordingChannel> Channels,
    IReadOnlyList<RecordingSpan> Spans,
    IReadOnlyList<RecordingSpan> Paused,
    string? Sha256,
    long SizeBytes,
    string SessionId,
    string Audio,
    string Call,
    bool? AgreesWithVerdict,
    RecordingAgreement? Agreement)
{
    public static RecordingView Of(StoredRecording r) => new(
        r.Id,
        r.CallId,
        r.Tenant,
        r.Status,
        r.Status == RecordingStatus.Complete,
        Iso(r.StartedAt),
        r.EndedAt is { } ended ? Iso(ended) : null,
        r.DurationMs,
        r.Channels,
        r.Spans,
        r.Paused,
        r.Sha256,
        r.SizeBytes,
        r.SessionId,
        $"/api/recordings/{Uri.EscapeDataString(r.Id)}/audio",
        $"/api/calls/{Uri.EscapeDataString(r.CallId)}",
        r.Agreement?.Agrees,
        r.Agreement);

    private static string Iso(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One page of recordings, newest first.</summary>
public sealed record RecordingPage(IReadOnlyList<RecordingView> Recordings, string? Next);
