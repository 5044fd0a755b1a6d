using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;

namespace Calltrail.Recorder.Tests.Live;

public class RecordingTimelineTests
{
    private const string Payment = "payment-screen";

    private static Mark M(long ms, MarkKind kind, string? cause = null) => new(ms * RecordingTimeline.FramesPerMs, kind, cause);

    private static long F(long ms) => ms * RecordingTimeline.FramesPerMs;

    [Fact]
    public void Spans_StartOnly_KeepsEverythingToTheEnd()
    {
        var (kept, paused) = RecordingTimeline.Spans([M(0, MarkKind.Start)], F(5000));

        Assert.Equal([new SpanInfo(0, 5000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_PauseResumeThenStop_GivesKeptAroundThePausedSpan()
    {
        var marks = new[] { M(0, MarkKind.Start), M(1000, MarkKind.Pause, Payment), M(3000, MarkKind.Resume), M(4000, MarkKind.Stop) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(6000));

        Assert.Equal([new SpanInfo(0, 1000), new SpanInfo(3000, 4000)], kept);
        Assert.Equal([new SpanInfo(1000, 3000, Payment)], paused);
    }

    [Fact]
    public void Spans_PauseThenStop_ThePauseEndsAtTheStop()
    {
        var marks = new[] { M(0, MarkKind.Start), M(1000, MarkKind.Pause, "person"), M(2500, MarkKind.Stop) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(4000));

        Assert.Equal([new SpanInfo(0, 1000)], kept);
        Assert.Equal([new SpanInfo(1000, 2500, "person")], paused);
    }

    [Fact]
    public void Spans_PauseNeverClosed_RunsToTheEnd()
    {
        var marks = new[] { M(0, MarkKind.Start), M(1000, MarkKind.Pause, Payment) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(2000));

        Assert.Equal([new SpanInfo(0, 1000)], kept);
        Assert.Equal([new SpanInfo(1000, 2000, Payment)], paused);
    }

    [Fact]
    public void Spans_StartLate_KeptSpanBeginsAtTheStart()
    {
        var (kept, paused) = RecordingTimeline.Spans([M(1500, MarkKind.Start)], F(3000));

        Assert.Equal([new SpanInfo(1500, 3000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_StopThenStartAgain_TwoKeptSpansWithAGapThatIsNotPaused()
    {
        var marks = new[] { M(0, MarkKind.Start), M(1000, MarkKind.Stop), M(2000, MarkKind.Start) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(3000));

        Assert.Equal([new SpanInfo(0, 1000), new SpanInfo(2000, 3000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_MarksAtTheSameFrame_GiveNoEmptySpans()
    {
        var marks = new[] { M(0, MarkKind.Start), M(1000, MarkKind.Pause, Payment), M(1000, MarkKind.Resume), M(2000, MarkKind.Stop), M(2000, MarkKind.Start) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(3000));

        Assert.Equal([new SpanInfo(0, 1000), new SpanInfo(1000, 2000), new SpanInfo(2000, 3000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_PauseAtTheStartFrame_OnlyThePausedSpan()
    {
        var marks = new[] { M(0, MarkKind.Start), M(0, MarkKind.Pause, RecordingMode.ClientPause), M(500, MarkKind.Resume) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(800));

        Assert.Equal([new SpanInfo(500, 800)], kept);
        Assert.Equal([new SpanInfo(0, 500, RecordingMode.ClientPause)], paused);
    }

    [Fact]
    public void Spans_MarksOutOfOrder_AreReadInFrameOrder()
    {
        var marks = new[] { M(3000, MarkKind.Resume), M(0, MarkKind.Start), M(1000, MarkKind.Pause, Payment) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(4000));

        Assert.Equal([new SpanInfo(0, 1000), new SpanInfo(3000, 4000)], kept);
        Assert.Equal([new SpanInfo(1000, 3000, Payment)], paused);
    }

    [Fact]
    public void Spans_MarkPastTheEnd_IsClippedToTheEnd()
    {
        var marks = new[] { M(0, MarkKind.Start), M(5000, MarkKind.Pause, Payment) };

        var (kept, paused) = RecordingTimeline.Spans(marks, F(2000));

        Assert.Equal([new SpanInfo(0, 2000)], kept);
        Assert.Empty(paused);
    }

    [Fact]
    public void Spans_NoMarks_NothingKeptNothingPaused()
    {
        var (kept, paused) = RecordingTimeline.Spans([], F(2000));

        Assert.Empty(kept);
        Assert.Empty(paused);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(8000, 1000)]
    public void Ms_Frames_TruncatesToWholeMilliseconds(long frames, long ms)
    {
        Assert.Equal(ms, RecordingTimeline.Ms(frames));
    }
}
