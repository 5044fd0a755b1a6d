using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Timeline;

namespace Calltrail.Storage.Calls;

/// <summary>A stretch of the call paused, and why (ms from connect).</summary>
public sealed record PausedStretch(long FromMs, long ToMs, string Cause);

/// <summary>A segment of the stored timeline: ms from connect, <c>toMs</c> null for the open one.</summary>
public sealed record StoredSegment(long FromMs, long? ToMs, string State, string? Cause);

/// <summary>
/// A call's recording plan as the service stores it with the call (JSON, a format this project owns):
/// the versioned timeline the recorder obeys (<see cref="ToPlan"/>), and what the call's page shows
/// beside it — the audio kept, what is paused and why, auto-pause, the announcement, payment time
/// nothing protects. The recorder and <c>calltrail replay</c> read it back.
/// </summary>
public sealed record StoredPlan(
    long Version,
    long? ConnectedAt,
    bool Ended,
    IReadOnlyList<StoredSegment> Timeline,
    IReadOnlyList<long[]> Spans,
    IReadOnlyList<PausedStretch> Paused,
    bool AutoPause,
    bool Announce,
    IReadOnlyList<long[]> UnprotectedPaymentWindows)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>What is in force now: the open segment's state.</summary>
    public string Recorder => Timeline.Count == 0 ? ServiceNames.AudioStates.NameOf(AudioState.NotRecording) : Timeline[^1].State;

    public static StoredPlan From(RecordingPlan plan, Verdict? verdict) => new(
        plan.Version,
        plan.ConnectedAt,
        plan.Ended,
        [.. plan.Segments.Select(s => new StoredSegment(s.FromMs, s.IsOpen ? null : s.ToMs, ServiceNames.AudioStates.NameOf(s.State),
            s.Cause is { } c ? ServiceNames.PauseCauses.NameOf(c) : null))],
        Pairs(verdict?.Spans ?? []),
        [.. (verdict?.Paused ?? []).Select(p => new PausedStretch(p.Span.StartMs, p.Span.EndMs, ServiceNames.PauseCauses.NameOf(p.Cause)))],
        verdict?.AutoPause ?? false,
        verdict?.Announce ?? false,
        Pairs(verdict?.UnprotectedPaymentWindows ?? []));

    /// <summary>The plan the recorder obeys, for <paramref name="callId"/> of <paramref name="tenant"/>.</summary>
    public RecordingPlan ToPlan(string callId, string? tenant) => new()
    {
        CallId = callId,
        Version = Version,
        Tenant = tenant,
        ConnectedAt = ConnectedAt,
        Ended = Ended,
        Segments = Timeline.Count == 0
            ? [new PlanSegment(0, PlanSegment.Open, AudioState.NotRecording)]
            : [.. Timeline.Select(s => new PlanSegment(s.FromMs, s.ToMs ?? PlanSegment.Open, State(s.State),
                s.Cause is { } c && ServiceNames.PauseCauses.TryGet(c, out var cause) ? cause : null))],
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static StoredPlan? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<StoredPlan>(json, Options);

    public static string SpansJson(IEnumerable<Span> spans) => JsonSerializer.Serialize(Pairs(spans), Options);

    public static string PausedJson(IEnumerable<PausedSpan> paused) =>
        JsonSerializer.Serialize(paused.Select(p => new PausedStretch(p.Span.StartMs, p.Span.EndMs, ServiceNames.PauseCauses.NameOf(p.Cause))), Options);

    /// <summary>A stored audio state; plans stored before the one vocabulary said idle or stopped for not recording.</summary>
    public static AudioState State(string name) =>
        ServiceNames.AudioStates.TryGet(name, out var state) ? state : AudioState.NotRecording;

    private static long[][] Pairs(IEnumerable<Span> spans) => [.. spans.Select(s => new[] { s.StartMs, s.EndMs })];

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
