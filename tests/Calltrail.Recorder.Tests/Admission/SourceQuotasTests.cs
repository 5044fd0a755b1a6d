using System.Net;
using Calltrail.Recorder.Admission;

namespace Calltrail.Recorder.Tests.Admission;

public class SourceQuotasTests
{
    private static readonly IPAddress Sbc = IPAddress.Parse("203.0.113.10");
    private static readonly IPAddress Other = IPAddress.Parse("203.0.113.11");

    [Fact]
    public void TryTake_CountsEachSourceOnItsOwnAndGiveReturnsIt()
    {
        var quotas = new SourceQuotas(maxSessions: 2, maxPorts: 10);

        Assert.Null(quotas.TryTake(Sbc, 2));
        Assert.Null(quotas.TryTake(Sbc, 2));
        Assert.Contains("Recorder:MaxSessionsPerSource 2", quotas.TryTake(Sbc, 2), StringComparison.Ordinal);
        Assert.Null(quotas.TryTake(Other, 2));
        quotas.Give(Sbc, 2);

        Assert.Null(quotas.TryTake(Sbc, 2));
        Assert.Equal((2, 4), quotas.Of(Sbc));
        Assert.Equal((1, 2), quotas.Of(Other));
    }

    [Fact]
    public void TryTake_PastThePortLimit_IsRefusedAndTakesNothing()
    {
        var quotas = new SourceQuotas(maxSessions: 10, maxPorts: 3);

        Assert.Null(quotas.TryTake(Sbc, 2));
        Assert.Contains("Recorder:MaxRtpPortsPerSource 3", quotas.TryTake(Sbc, 2), StringComparison.Ordinal);

        Assert.Equal((1, 2), quotas.Of(Sbc));
        Assert.Null(quotas.TryTake(Sbc, 1));
    }
}
