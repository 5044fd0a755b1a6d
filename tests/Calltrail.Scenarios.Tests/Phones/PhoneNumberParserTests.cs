using Calltrail.Scenarios.Phones;

namespace Calltrail.Scenarios.Tests.Phones;

public class PhoneNumberParserTests
{
    [Theory]
    [InlineData("(555) 010-2000", "+15550102000")]
    [InlineData("555-010-2000", "+15550102000")]
    [InlineData("+15550102000", "+15550102000")]
    [InlineData("1 555 010 2000", "+15550102000")]
    [InlineData("+1.555.010.2000", "+15550102000")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void TryParse_CommonWrittenForms_GiveE164(string written, string e164)
    {
        Assert.True(new PhoneNumberParser().TryParse(written, out var number, out _));
        Assert.Equal(e164, number.E164);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("+1555")]
    [InlineData("555-010-2000-1234-5678-9")]
    public void TryParse_NotAPhoneNumber_SaysSo(string written)
    {
        Assert.False(new PhoneNumberParser().TryParse(written, out _, out var problem));
        Assert.Contains("not a phone number", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NationalFormInAnotherRegion_UsesThatRegion()
    {
        Assert.True(new PhoneNumberParser("gb").TryParse("020 7946 0958", out var number, out _));
        Assert.Equal("+442079460958", number.E164);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("USA")]
    public void Constructor_UnknownRegion_IsRefused(string region) =>
        Assert.Throws<ArgumentException>(() => new PhoneNumberParser(region));
}
