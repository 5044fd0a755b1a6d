using Calltrail.Calls;
using Calltrail.Timeline;
using static Calltrail.Calls.CallEventType;

namespace Calltrail.Tests.Timeline;

public class EventWindowsTests
{
    private static Span[] Windows(long duration, params (CallEventType Type, long AtMs)[] events) =>
        EventWindows.Collect([.. events.Select(e => new CallEvent(e.Type, e.AtMs))], PaymentScreenOpened, PaymentScreenClosed, duration);

    [Fact]
    public void Collect_PairsOpenAndClose() =>
        Assert.Equal([new Span(10, 20), new Span(30, 40)], Windows(100, (PaymentScreenOpened, 10), (PaymentScreenClosed, 20), (PaymentScreenOpened, 30), (PaymentScreenClosed, 40)));

    [Fact]
    public void Collect_UnclosedWindow_RunsToTheEnd() =>
        Assert.Equal([new Span(30, 100)], Windows(100, (PaymentScreenOpened, 30)));

    [Fact]
    public void Collect_OutOfOrderEvents_AreSortedByTime() =>
        Assert.Equal([new Span(10, 20)], Windows(100, (PaymentScreenClosed, 20), (PaymentScreenOpened, 10)));

    [Fact]
    public void Collect_SameTimeEvents_KeepTheirGivenOrder()
    {
        Assert.Equal([new Span(10, 10)], Windows(100, (PaymentScreenOpened, 10), (PaymentScreenClosed, 10)));
        Assert.Equal([new Span(10, 100)], Windows(100, (PaymentScreenClosed, 10), (PaymentScreenOpened, 10)));
    }

    [Fact]
    public void Collect_RepeatedOpenAndStrayClose_ChangeNothing() =>
        Assert.Equal([new Span(10, 30)], Windows(100, (PaymentScreenClosed, 5), (PaymentScreenOpened, 10), (PaymentScreenOpened, 15), (PaymentScreenClosed, 30), (PaymentScreenClosed, 35)));

    [Fact]
    public void Collect_OtherEventTypes_AreIgnored() =>
        Assert.Empty(Windows(100, (PauseRequested, 10), (RecordRequested, 20), (ResumeRequested, 30)));

    [Fact]
    public void Collect_ManyEvents_BeyondTheStackBuffer()
    {
        var events = Enumerable.Range(0, 100).Select(i => ((i % 2 == 0 ? PaymentScreenOpened : PaymentScreenClosed), (long)i * 10)).Reverse().ToArray();

        var windows = Windows(1000, events);

        Assert.Equal(50, windows.Length);
        Assert.Equal(new Span(0, 10), windows[0]);
    }

    [Fact]
    public void First_IsTheEarliestOfTheType() =>
        Assert.Equal(20, EventWindows.First([new CallEvent(RecordRequested, 50), new CallEvent(RecordRequested, 20), new CallEvent(PauseRequested, 1)], RecordRequested));
}
