using Calltrail.Recorder.Rtp;

namespace Calltrail.Recorder.Tests.Rtp;

public class TelephoneEventTests
{
    [Theory]
    [InlineData(new byte[] { 5, 0x0A, 0x01, 0x90 }, 5, false, 10, 400)]
    [InlineData(new byte[] { 11, 0x8A, 0x03, 0x20 }, 11, true, 10, 800)]
    [InlineData(new byte[] { 1, 0xBF, 0xFF, 0xFF }, 1, true, 63, 65535)]
    [InlineData(new byte[] { 3, 0x4A, 0, 160 }, 3, false, 10, 160)] // the reserved bit is ignored
    public void TryParse_Event_ReadsEveryField(byte[] payload, int digit, bool end, int volume, int duration)
    {
        Assert.True(TelephoneEvent.TryParse(payload, out var e));

        Assert.Equal(new TelephoneEvent((byte)digit, end, (byte)volume, (ushort)duration), e);
        Assert.True(e.IsDtmf);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    public void TryParse_WrongLength_IsRefused(byte[] payload) =>
        Assert.False(TelephoneEvent.TryParse(payload, out _));

    [Fact]
    public void TryParse_TwoEvents_GivesTheFirst()
    {
        Assert.True(TelephoneEvent.TryParse([7, 0x80, 0, 80, 8, 0, 0, 40], out var e));

        Assert.Equal(7, e.Event);
    }

    [Fact]
    public void IsDtmf_EventsAbove15_AreOtherTones() =>
        Assert.False(new TelephoneEvent(32, false, 0, 0).IsDtmf);
}
