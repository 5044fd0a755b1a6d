using System.Text;
using System.Text.Json;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Timeline;

namespace Calltrail.Storage.Calls;

/// <summary>A stretch of the call paused, and why (ms from connect).</summary>
public sealed record PausedStretch(long FromMs, long ToMs, string Cause);

/// <summary>
/// What the recorder is told for one call: the audio to keep, what is paused and why, whether the
/// payment screen pauses it, whether to announce, payment time nothing protects, and what it should
/// be doing now. Stored with the call as JSON; the recorder and <c>calltrail replay</c> read it back.
/// </summary>
public sealed record RecordingPlan(
    IReadOnlyList<long[]> Spans,
    IReadOnlyList<PausedStretch> Paused,
    bool AutoPause,
    bool Announce,
    IReadOnlyList<long[]> UnprotectedPaymentWindows,
    string Recorder,
    string? PauseCause)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static RecordingPlan From(Judgement judgement)
    {
        var verdict = judgement.Verdict!;
        return new RecordingPlan(
            Pairs(verdict.Spans),
            [.. verdict.Paused.Select(p => new PausedStretch(p.Span.StartMs, p.Span.EndMs, ServiceNames.PauseCauses.NameOf(p.Cause)))],
            verdict.AutoPause,
            verdict.Announce,
            Pairs(verdict.UnprotectedPaymentWindows),
            ServiceNames.RecorderStates.NameOf(judgement.Recorder),
            judgement.PauseCause is { } cause ? ServiceNames.PauseCauses.NameOf(cause) : null);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static RecordingPlan? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<RecordingPlan>(json, Options);

    public static string SpansJson(IEnumerable<Span> spans) => JsonSerializer.Serialize(Pairs(spans), Options);

    public static string PausedJson(IEnumerable<PausedSpan> paused) =>
        JsonSerializer.Serialize(paused.Select(p => new PausedStretch(p.Span.StartMs, p.Span.EndMs, ServiceNames.PauseCauses.NameOf(p.Cause))), Options);

    private static long[][] Pairs(IEnumerable<Span> spans) => [.. spans.Select(s => new[] { s.StartMs, s.EndMs })];

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
