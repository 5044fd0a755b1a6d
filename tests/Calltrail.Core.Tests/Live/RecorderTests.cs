using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Timeline;

namespace Calltrail.Core.Tests.Live;

public sealed class RecorderTests
{
    [Theory]
    [InlineData(5, null)] // recording, nothing paused
    [InlineData(12, 10L)] // inside one pause
    [InlineData(22, 10L)] // inside a second pause that overlaps the first: the run began with the first
    [InlineData(35, 30L)] // a later pause of its own (the run broke at 28)
    [InlineData(28, null)] // between pauses
    public void PausedSinceMs_IsTheStartOfTheUnbrokenRunOfPausesCoveringTheMoment(long atMs, long? expected)
    {
        var verdict = VerdictWithPauses(
            new PausedSpan(new Span(10, 20), PauseCause.PaymentScreen),
            new PausedSpan(new Span(18, 26), PauseCause.Person),
            new PausedSpan(new Span(30, 40), PauseCause.PaymentScreen));

        Assert.Equal(expected, Recorder.PausedSinceMs(verdict, atMs));
    }

    private static Verdict VerdictWithPauses(params PausedSpan[] paused) => new()
    {
        Path = CallPath.ContactCenter,
        Logged = new BothSystems(true, false),
        Recorded = new BothSystems(true, false),
        SyncedToFieldService = false,
        AutoPause = true,
        Announce = false,
        Spans = [new Span(0, 10), new Span(26, 30), new Span(40, 50)],
        Reasons = ReasonSet.Empty,
        Paused = [.. paused],
    };
}
