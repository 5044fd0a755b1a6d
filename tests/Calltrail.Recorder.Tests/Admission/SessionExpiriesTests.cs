using Calltrail.Recorder.Control;
using Calltrail.Recorder.Sessions;

namespace Calltrail.Recorder.Tests.Admission;

public class SessionExpiriesTests
{
    [Theory]
    [InlineData(true, 29, 29, SessionExpiry.None)]
    [InlineData(true, 30, 30, SessionExpiry.None)]
    [InlineData(true, 31, 1, SessionExpiry.NoMedia)] // SIP keeps flowing (re-INVITEs): it does not stand for media
    [InlineData(true, 31, 31, SessionExpiry.NoMedia)]
    [InlineData(false, 31, 31, SessionExpiry.None)] // on hold: silence is its right
    [InlineData(false, 3600, 299, SessionExpiry.None)]
    [InlineData(false, 3600, 301, SessionExpiry.Idle)]
    public void Of_Table(bool sending, int secondsWithoutMedia, int secondsWithoutAnything, SessionExpiry expected)
    {
        var options = new RecorderOptions { NoMediaTimeout = TimeSpan.FromSeconds(30), IdleTimeout = TimeSpan.FromMinutes(5) };

        Assert.Equal(expected, SessionExpiries.Of(sending, TimeSpan.FromSeconds(secondsWithoutMedia), TimeSpan.FromSeconds(secondsWithoutAnything), options));
    }
}
