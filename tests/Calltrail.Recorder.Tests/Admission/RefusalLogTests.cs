using System.Net;
using Calltrail.Recorder.Admission;
using Calltrail.TestKit.Time;

namespace Calltrail.Recorder.Tests.Admission;

public class RefusalLogTests
{
    private static readonly IPAddress Stranger = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void ShouldLog_FirstPerSourcePerMinuteWithHowManyWereLeftOut()
    {
        var clock = new ManualTimeProvider();
        var log = new RefusalLog(clock);

        Assert.True(log.ShouldLog(Stranger, out var before));
        var flood = Enumerable.Range(0, 1000).Count(n => log.ShouldLog(Stranger, out _));
        Assert.True(log.ShouldLog(IPAddress.Parse("192.0.2.8"), out _));
        clock.Advance(RefusalLog.Window);

        Assert.True(log.ShouldLog(Stranger, out var leftOut));
        Assert.Equal((0L, 0, 1000L), (before, flood, leftOut));
    }

    [Fact]
    public void ShouldLog_ManySources_RemembersABoundedNumberAndThenOneLineAMinute()
    {
        var clock = new ManualTimeProvider();
        var log = new RefusalLog(clock, maxSources: 10);

        var logged = Enumerable.Range(0, 1000).Count(i => log.ShouldLog(new IPAddress(0x0A000000u + (uint)i), out _));

        Assert.Equal(10 + 1, logged);
    }
}
