using Calltrail.Recorder.Control;

namespace Calltrail.Recorder.Tests.Admission;

public class RecorderOptionsTests
{
    [Fact]
    public void Defaults_AreValidAndKeepTheRecorderToLoopback()
    {
        var options = new RecorderOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Empty(options.AllowedSources);
        Assert.Equal(TimeSpan.FromSeconds(30), options.NoMediaTimeout);
    }

    [Fact]
    public void Validate_NamesEachBadFrontDoorSetting()
    {
        var options = new RecorderOptions
        {
            AllowedSources = ["203.0.113.10/32", "not-an-address"],
            MaxSessionsPerSource = 0,
            MaxRtpPortsPerSource = -1,
            NoMediaTimeout = TimeSpan.Zero,
        };

        var problems = options.Validate();

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Recorder:AllowedSources:1 'not-an-address'", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Recorder:MaxSessionsPerSource 0", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Recorder:MaxRtpPortsPerSource -1", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Recorder:NoMediaTimeout 00:00:00", p, StringComparison.Ordinal));
    }
}
