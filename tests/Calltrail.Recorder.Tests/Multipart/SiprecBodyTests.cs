using System.Text;
using Calltrail.Recorder.Multipart;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Tests.Multipart;

public class SiprecBodyTests
{
    private static ParseResult<SiprecBodyParts> Split(string? contentType, string body) =>
        SiprecBody.Split(SipContentType.Parse(contentType), Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")));

    [Theory]
    [InlineData("multipart/mixed;boundary=OSS-unique-boundary-42")]
    [InlineData("Multipart/Mixed; boundary=\"OSS-unique-boundary-42\"")]
    public void Split_Multipart_FindsSdpAndMetadata(string contentType)
    {
        ParseResult<SiprecBodyParts> result = Split(contentType, MultipartParserTests.SiprecBodyText);

        Assert.True(result.IsSuccess, result.Error);
        Assert.StartsWith("v=0", Encoding.UTF8.GetString(result.Value.Sdp!.Value.Span), StringComparison.Ordinal);
        Assert.Equal("<recording/>", Encoding.UTF8.GetString(result.Value.Metadata!.Value.Span));
    }

    [Fact]
    public void Split_PlainSdp_IsTheSdpAlone()
    {
        ParseResult<SiprecBodyParts> result = Split("application/sdp", "v=0\n");

        Assert.Equal("v=0\r\n", Encoding.UTF8.GetString(result.Value!.Sdp!.Value.Span));
        Assert.Null(result.Value.Metadata);
    }

    [Fact]
    public void Split_MetadataWithAnyDisposition_IsFound()
    {
        string body = "--b\nContent-Type: application/rs-metadata+xml\nContent-Disposition: something-else\n\n<r/>\n--b--\n";

        ParseResult<SiprecBodyParts> result = Split("multipart/mixed;boundary=b", body);

        Assert.Null(result.Value!.Sdp);
        Assert.NotNull(result.Value.Metadata);
    }

    [Theory]
    [InlineData("multipart/mixed", "--b\n\nx\n--b--", "no boundary")]
    [InlineData("text/plain", "hello", "unsupported Content-Type 'text/plain'")]
    [InlineData(null, "v=0", "body without a Content-Type")]
    [InlineData("multipart/mixed;boundary=wrong", "--b\n\nx\n--b--", "no delimiter line for the boundary")]
    public void Split_Unusable_GivesError(string? contentType, string body, string error)
    {
        Assert.Equal(error, Split(contentType, body).Error);
    }

    [Fact]
    public void Split_NoBody_IsEmpty()
    {
        ParseResult<SiprecBodyParts> result = Split(null, string.Empty);

        Assert.Equal(new SiprecBodyParts(null, null), result.Value);
    }
}
