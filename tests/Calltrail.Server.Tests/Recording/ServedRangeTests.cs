using Calltrail.Server.Recording;

namespace Calltrail.Server.Tests.Recording;

public sealed class ServedRangeTests
{
    private const long Length = 1000;

    [Theory]
    [InlineData(null, "whole")]
    [InlineData("", "whole")]
    [InlineData("bytes=0-99", "bytes=0-99")]
    [InlineData("BYTES = 10-19", "bytes=10-19")]
    [InlineData("bytes=900-", "bytes=900-999")]
    [InlineData("bytes=900-5000", "bytes=900-999")]
    [InlineData("bytes=-100", "bytes=900-999")]
    [InlineData("bytes=-5000", "bytes=0-999")]
    [InlineData("bytes=999-999", "bytes=999-999")]
    [InlineData("bytes=1000-", "unsatisfiable")]
    [InlineData("bytes=5000-6000", "unsatisfiable")]
    [InlineData("bytes=-0", "unsatisfiable")]
    [InlineData("items=0-5", "whole")]
    [InlineData("bytes=0-1,5-9", "whole")]
    [InlineData("bytes=9-0", "whole")]
    [InlineData("bytes=+1-5", "whole")]
    [InlineData("bytes=1 0-20", "whole")]
    [InlineData("bytes=abc", "whole")]
    [InlineData("bytes=-", "whole")]
    [InlineData("bytes=99999999999999999999-", "whole")]
    [InlineData("0-5", "whole")]
    public void Of_ARangeHeader_ServesWhatRfc9110Allows(string? header, string expected)
    {
        Assert.Equal(expected, Describe(ServedRange.Of(header, hasIfRange: false, Length)));
    }

    [Fact]
    public void Of_WithIfRange_ServesTheWholeFile_SinceTheAudioCarriesNoValidatorToMatch()
    {
        Assert.Equal("whole", Describe(ServedRange.Of("bytes=0-99", hasIfRange: true, Length)));
    }

    [Fact]
    public void Of_AnyRangeOfAnEmptyFile_IsUnsatisfiable()
    {
        Assert.Equal("unsatisfiable", Describe(ServedRange.Of("bytes=-10", hasIfRange: false, length: 0)));
    }

    private static string Describe(ServedRange served) => served switch
    {
        ServedRange.Slice slice => slice.Header,
        ServedRange.Unsatisfiable => "unsatisfiable",
        _ => "whole",
    };
}
