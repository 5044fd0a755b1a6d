using System.Collections.Immutable;
using Calltrail.Timeline;

namespace Calltrail.Tests.Timeline;

public class SpanMathTests
{
    private static ImmutableArray<Span> Spans(params long[] bounds) =>
        [.. bounds.Chunk(2).Select(b => new Span(b[0], b[1]))];

    // ImmutableArray compares by reference; compare the contents.
    private static void Same(ImmutableArray<Span> expected, ImmutableArray<Span> actual) =>
        Assert.Equal(expected.ToArray(), actual.ToArray());

    [Theory]
    [InlineData(new long[] { 0, 100 }, new long[] { 20, 30 }, new long[] { 0, 20, 30, 100 })]
    [InlineData(new long[] { 0, 100 }, new long[] { 0, 100 }, new long[] { })]
    [InlineData(new long[] { 0, 100 }, new long[] { 50, 200 }, new long[] { 0, 50 })]
    [InlineData(new long[] { 0, 10, 20, 30 }, new long[] { 5, 25 }, new long[] { 0, 5, 25, 30 })]
    [InlineData(new long[] { 0, 100 }, new long[] { 10, 20, 15, 40, 90, 95 }, new long[] { 0, 10, 40, 90, 95, 100 })]
    [InlineData(new long[] { 0, 100 }, new long[] { 40, 40 }, new long[] { 0, 100 })]
    [InlineData(new long[] { }, new long[] { 0, 10 }, new long[] { })]
    public void Subtract_RemovesWindows(long[] spans, long[] windows, long[] expected) =>
        Same(Spans(expected), SpanMath.Subtract(Spans(spans), Spans(windows).AsSpan()));

    [Theory]
    [InlineData(new long[] { 0, 10, 20, 30 }, new long[] { 5, 25 }, new long[] { 5, 10, 20, 25 })]
    [InlineData(new long[] { 0, 10 }, new long[] { 10, 20 }, new long[] { })]
    public void Intersect_GivesCoveredParts(long[] spans, long[] windows, long[] expected) =>
        Same(Spans(expected), SpanMath.Intersect(Spans(spans).AsSpan(), Spans(windows).AsSpan()));

    [Theory]
    [InlineData(new long[] { 0, 10 }, 10, 20, new long[] { 0, 20 })]
    [InlineData(new long[] { 0, 10 }, 30, 40, new long[] { 0, 10, 30, 40 })]
    [InlineData(new long[] { 30, 40 }, 0, 10, new long[] { 0, 10, 30, 40 })]
    [InlineData(new long[] { 0, 10, 20, 30 }, 5, 25, new long[] { 0, 30 })]
    [InlineData(new long[] { }, 5, 25, new long[] { 5, 25 })]
    [InlineData(new long[] { 0, 10 }, 5, 5, new long[] { 0, 10 })]
    public void Union_MergesTouchingAndOverlapping(long[] spans, long start, long end, long[] expected) =>
        Same(Spans(expected), SpanMath.Union(Spans(spans), new Span(start, end)));

    [Fact]
    public void Before_CutsAtTheMoment() =>
        Same(Spans(0, 10, 20, 25), SpanMath.Before(Spans(0, 10, 20, 30, 40, 50), 25));

    [Fact]
    public void Subtract_ManyWindows_OutgrowsTheStackScratchAndStaysRight()
    {
        var windows = Enumerable.Range(0, 40).Select(i => new Span((i * 10) + 1, (i * 10) + 2)).ToArray();

        var kept = SpanMath.Subtract(Spans(0, 400), windows);

        Assert.Equal(41, kept.Length);
        Assert.Equal(new Span(0, 1), kept[0]);
        Assert.Equal(new Span(392, 400), kept[^1]);
        Assert.Equal(400 - 40, kept.Sum(s => s.LengthMs));
    }
}
