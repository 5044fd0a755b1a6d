using System.Collections.Immutable;
using Calltrail.Decisions;

namespace Calltrail.Live;

/// <summary>
/// What a call's recording must be, as of one committed change of the call: its whole timeline, not
/// just the state now. Plans are numbered per call (<see cref="Version"/>, 1, 2, 3, … in commit order);
/// a recorder applies them in that order and ignores an older one that arrives after a newer, so a
/// late, batched or out-of-order delivery can never undo a pause. Times are the events' own (the
/// telephony's clock): <see cref="ConnectedAt"/> in Unix ms, segments in ms from it.
/// </summary>
public sealed record RecordingPlan
{
    public required string CallId { get; init; }

    public required long Version { get; init; }

    /// <summary>The call's tenant, kept on its recordings for tenant-limited listeners.</summary>
    public string? Tenant { get; init; }

    /// <summary>When the call connected (Unix ms); null before it has, when no audio is owed.</summary>
    public long? ConnectedAt { get; init; }

    public bool Ended { get; init; }

    /// <summary>Contiguous from 0, in order, the last one open. Before 0 (connect) nothing is recorded.</summary>
    public required ImmutableArray<PlanSegment> Segments { get; init; }

    /// <summary>What is in force now (from the latest moment the events speak of): the open segment.</summary>
    public PlanSegment Now => Segments[^1];

    /// <summary>Newer than <paramref name="other"/>, which a recorder must then replace; null is older than any plan.</summary>
    public bool Supersedes(RecordingPlan? other) => other is null || Version > other.Version;

    /// <summary>The segment covering <paramref name="unixMs"/>, or null when it lies before connect (or the call never connected).</summary>
    public PlanSegment? SegmentAt(long unixMs)
    {
        if (ConnectedAt is not { } connect || unixMs < connect)
        {
            return null;
        }

        var ms = unixMs - connect;
        foreach (var segment in Segments)
        {
            if (segment.Contains(ms))
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>Whether audio at <paramref name="unixMs"/> (the events' clock) may be kept.</summary>
    public bool Keeps(long unixMs) => SegmentAt(unixMs)?.State == AudioState.Recording;

    /// <summary>
    /// The plan a judgement makes. Pure: the version is the caller's count of the call's committed
    /// changes. A judgement without a verdict (awaiting the start, invalid) records nothing.
    /// </summary>
    public static RecordingPlan From(string callId, long version, string? tenant, Judgement judgement) => new()
    {
        CallId = callId,
        Version = version,
        Tenant = tenant,
        ConnectedAt = judgement.ConnectedAt,
        Ended = judgement.Status == LiveCallStatus.Ended,
        Segments = judgement.Timeline.IsDefaultOrEmpty ? [new PlanSegment(0, PlanSegment.Open, AudioState.NotRecording)] : judgement.Timeline,
    };
}
