using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Tests.Live;

public class RecordingTimelineTests
{
    private const string Payment = "payment-screen";

    private static long F(long ms) => ms * RecordingTimeline.FramesPerMs;

    private static Removal R(long fromMs, long toMs, string cause) => new(F(fromMs), toMs == long.MaxValue ? Removal.Open : F(toMs), cause);

    [Fact]
    public void Spans_NothingRemoved_KeepsEverythingToTheEnd()
    {
        var (kept, paused) = RecordingTimeline.Spans([], 0, F(5000));

        Assert.Equal([new SpanInfo(0, 5000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_APauseAndTimeNotRecorded_KeptAroundThemAndOnlyThePauseListed()
    {
        var (kept, paused) = RecordingTimeline.Spans([R(1000, 3000, Payment), R(4000, long.MaxValue, PlanFrames.NotRecorded)], 0, F(6000));

        Assert.Equal([new SpanInfo(0, 1000), new SpanInfo(3000, 4000)], kept);
        Assert.Equal([new SpanInfo(1000, 3000, Payment)], paused);
    }

    [Fact]
    public void Spans_PauseNeverClosed_RunsToTheEnd()
    {
        var (kept, paused) = RecordingTimeline.Spans([R(1000, long.MaxValue, Payment)], 0, F(2000));

        Assert.Equal([new SpanInfo(0, 1000)], kept);
        Assert.Equal([new SpanInfo(1000, 2000, Payment)], paused);
    }

    [Fact]
    public void Spans_ARedactedStretch_IsListedWithHowLateAndHowMuch()
    {
        var late = R(1000, 2000, Payment) with { Redacted = true, LateMs = 1500, RedactedFrames = F(800) };

        var (_, paused) = RecordingTimeline.Spans([late], 0, F(3000));

        var span = Assert.Single(paused);
        Assert.Equal((1000L, 2000L, true, 1500L, 800L), (span.StartMs, span.EndMs, span.Redacted, span.LateMs, span.RedactedMs));
    }

    [Fact]
    public void Spans_NotRecordedTimeThatWasRedacted_IsListedToo()
    {
        var removed = R(2000, long.MaxValue, PlanFrames.NotRecorded) with { Redacted = true, RedactedFrames = F(300) };

        var (kept, paused) = RecordingTimeline.Spans([removed], 0, F(3000));

        Assert.Equal([new SpanInfo(0, 2000)], kept);
        Assert.Equal(PlanFrames.NotRecorded, Assert.Single(paused).Cause);
    }

    [Fact]
    public void Spans_PausedSpansRoundInwards_KeptFromTheStartFrame()
    {
        var (kept, paused) = RecordingTimeline.Spans([new Removal(F(1000) + 3, F(2000) + 5, Payment)], F(100), F(3000));

        Assert.Equal([new SpanInfo(100, 1000), new SpanInfo(2000, 3000)], kept);
        Assert.Equal([new SpanInfo(1001, 2000, Payment)], paused);
    }
}
