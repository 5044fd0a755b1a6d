using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Timeline;

namespace Calltrail.Core.Tests.Live;

public sealed class RecordingPlanTests
{
    private const PauseCause Payment = PauseCause.PaymentScreen;

    [Fact]
    public void Timeline_CoversTheCallContiguouslyFromConnect_WithTheOpenStateLast()
    {
        var verdict = VerdictWith(
            [new Span(0, 10), new Span(26, 30), new Span(40, 50)],
            new PausedSpan(new Span(10, 20), Payment),
            new PausedSpan(new Span(18, 26), PauseCause.Person),
            new PausedSpan(new Span(30, 40), Payment));

        var timeline = AudioTimeline.Of(verdict, 50, AudioState.Recording, null);

        Assert.Equal<PlanSegment>(
            [
                new PlanSegment(0, 10, AudioState.Recording),
                new PlanSegment(10, 20, AudioState.Paused, Payment), // where both pause, the payment screen names it
                new PlanSegment(20, 26, AudioState.Paused, PauseCause.Person),
                new PlanSegment(26, 30, AudioState.Recording),
                new PlanSegment(30, 40, AudioState.Paused, Payment),
                new PlanSegment(40, PlanSegment.Open, AudioState.Recording), // the last kept span runs on as the open state
            ],
            timeline);
    }

    [Fact]
    public void Timeline_TimeNeitherKeptNorPausedIsNotRecorded()
    {
        var verdict = VerdictWith([new Span(30, 60)]);

        var timeline = AudioTimeline.Of(verdict, 60, AudioState.NotRecording, null);

        Assert.Equal<PlanSegment>([new PlanSegment(0, 30, AudioState.NotRecording), new PlanSegment(30, 60, AudioState.Recording), new PlanSegment(60, PlanSegment.Open, AudioState.NotRecording)], timeline);
    }

    [Theory]
    [InlineData(-1, false)] // before connect nothing is owed
    [InlineData(0, true)]
    [InlineData(9_999, true)]
    [InlineData(10_000, false)] // paused
    [InlineData(20_000, true)]
    [InlineData(1_000_000, true)] // the open state
    public void Keeps_FollowsTheSegmentsInTheEventsClock(long msFromConnect, bool kept)
    {
        const long connect = 1_790_000_000_000;
        var plan = Plan(1, connect,
            new PlanSegment(0, 10_000, AudioState.Recording),
            new PlanSegment(10_000, 20_000, AudioState.Paused, Payment),
            new PlanSegment(20_000, PlanSegment.Open, AudioState.Recording));

        Assert.Equal(kept, plan.Keeps(connect + msFromConnect));
    }

    [Fact]
    public void Keeps_NothingBeforeTheCallConnected()
    {
        var plan = new RecordingPlan { CallId = "c", Version = 1, Segments = [new PlanSegment(0, PlanSegment.Open, AudioState.Recording)] };

        Assert.False(plan.Keeps(1_790_000_000_000));
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 1, false)] // the same plan twice changes nothing
    [InlineData(1, 2, false)] // an older plan arriving late is ignored
    public void Supersedes_OnlyANewerVersion(long version, long current, bool supersedes) =>
        Assert.Equal(supersedes, Plan(version, 0).Supersedes(Plan(current, 0)));

    [Fact]
    public void Supersedes_AnyPlanIsNewerThanNone() => Assert.True(Plan(1, 0).Supersedes(null));

    private static RecordingPlan Plan(long version, long connect, params PlanSegment[] segments) => new()
    {
        CallId = "c",
        Version = version,
        ConnectedAt = connect,
        Segments = segments.Length == 0 ? [new PlanSegment(0, PlanSegment.Open, AudioState.Recording)] : [.. segments],
    };

    private static Verdict VerdictWith(Span[] spans, params PausedSpan[] paused) => new()
    {
        Path = CallPath.ContactCenter,
        Logged = new BothSystems(true, false),
        Recorded = new BothSystems(true, false),
        SyncedToFieldService = false,
        AutoPause = true,
        Announce = false,
        Spans = [.. spans],
        Reasons = ReasonSet.Empty,
        Paused = [.. paused],
    };
}
