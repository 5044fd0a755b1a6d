using Calltrail.Timeline;

namespace Calltrail.Tests.Timeline;

public class SpanTests
{
    [Theory]
    [InlineData(0, 10, 5, 15, true)]
    [InlineData(0, 10, 10, 20, false)] // touching at a boundary shares no audio
    [InlineData(0, 10, 2, 3, true)]
    [InlineData(5, 5, 0, 10, false)] // an empty span lies inside but covers nothing
    [InlineData(0, 10, 5, 5, false)]
    [InlineData(0, 10, 20, 30, false)]
    [InlineData(0, 10, 0, 10, true)]
    public void Overlaps_SharesAPositiveStretch(long aStart, long aEnd, long bStart, long bEnd, bool overlaps)
    {
        var a = new Span(aStart, aEnd);
        var b = new Span(bStart, bEnd);

        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Theory]
    [InlineData(0, 10, 0, true)]
    [InlineData(0, 10, 10, false)]
    [InlineData(0, 10, 9, true)]
    [InlineData(5, 5, 5, false)]
    public void Contains_IsHalfOpen(long start, long end, long at, bool contains) =>
        Assert.Equal(contains, new Span(start, end).Contains(at));
}
