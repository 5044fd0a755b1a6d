namespace Calltrail.Timeline;

/// <summary>A stretch of the call, in milliseconds from connect: <c>[StartMs, EndMs)</c>.</summary>
public readonly record struct Span(long StartMs, long EndMs)
{
    public long LengthMs => EndMs - StartMs;

    public bool IsEmpty => EndMs <= StartMs;

    /// <summary>
    /// True when the two share a positive stretch of the call — not merely a boundary, and never when
    /// either is empty (a payment screen opened and closed in the same millisecond pauses nothing).
    /// </summary>
    public bool Overlaps(Span other) => Math.Max(StartMs, other.StartMs) < Math.Min(EndMs, other.EndMs);

    public bool Contains(long atMs) => StartMs <= atMs && atMs < EndMs;

    public Span Intersect(Span other) => new(Math.Max(StartMs, other.StartMs), Math.Min(EndMs, other.EndMs));

    public override string ToString() => $"[{StartMs}, {EndMs}]";
}
