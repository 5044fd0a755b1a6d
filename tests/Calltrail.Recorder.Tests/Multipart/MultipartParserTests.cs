using System.Text;
using Calltrail.Recorder.Multipart;

namespace Calltrail.Recorder.Tests.Multipart;

public class MultipartParserTests
{
    internal const string SiprecBodyText = """
        This preamble is ignored.
        --OSS-unique-boundary-42
        Content-Type: application/sdp

        v=0
        m=audio 5000 RTP/AVP 0

        --OSS-unique-boundary-42
        Content-Type: application/rs-metadata+xml
        Content-Disposition: recording-session
        Content-ID: <meta@example.com>

        <recording/>
        --OSS-unique-boundary-42--
        and an epilogue, also ignored
        """;

    private static ParseResult<IReadOnlyList<MimePart>> Parse(string text, string? boundary = "OSS-unique-boundary-42") =>
        MultipartParser.Parse(Encoding.UTF8.GetBytes(text), boundary);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Parse_SiprecBody_SplitsPartsWithHeadersAndExactBodies(string lineEnd)
    {
        ParseResult<IReadOnlyList<MimePart>> result = Parse(SiprecBodyText.ReplaceLineEndings(lineEnd));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(2, result.Value.Count);
        Assert.Equal("application/sdp", result.Value[0].ContentType?.MediaType);
        Assert.Equal($"v=0{lineEnd}m=audio 5000 RTP/AVP 0{lineEnd}", Text(result.Value[0].Body));
        MimePart metadata = result.Value[1];
        Assert.Equal("recording-session", metadata.ContentDisposition);
        Assert.Equal("<meta@example.com>", metadata.ContentId);
        Assert.Equal("<recording/>", Text(metadata.Body));
    }

    [Fact]
    public void Parse_DelimiterWithTrailingWhitespace_IsADelimiter()
    {
        ParseResult<IReadOnlyList<MimePart>> result = Parse("--b \t\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--  \r\n", "b");

        Assert.Equal("hi", Text(Assert.Single(result.Value!).Body));
    }

    [Fact]
    public void Parse_PartWithoutHeaders_HasBodyOnly()
    {
        ParseResult<IReadOnlyList<MimePart>> result = Parse("--b\r\n\r\nplain\r\n--b--", "b");

        MimePart part = Assert.Single(result.Value!);
        Assert.Empty(part.Headers);
        Assert.Null(part.ContentType);
        Assert.Equal("plain", Text(part.Body));
    }

    [Fact]
    public void Parse_LineThatOnlyStartsLikeTheBoundary_IsBody()
    {
        ParseResult<IReadOnlyList<MimePart>> result = Parse("--b\r\n\r\n--bb is not it\r\n--b--\r\n", "b");

        Assert.Equal("--bb is not it", Text(Assert.Single(result.Value!).Body));
    }

    [Fact]
    public void Parse_FoldedPartHeader_IsUnfolded()
    {
        ParseResult<IReadOnlyList<MimePart>> result = Parse("--b\r\nContent-Type: application/sdp;\r\n charset=utf-8\r\n\r\nx\r\n--b--", "b");

        Assert.Equal("utf-8", Assert.Single(result.Value!).ContentType?.Parameter("charset"));
    }

    [Theory]
    [InlineData("--b\r\n\r\nx\r\n--b--", null, "no boundary")]
    [InlineData("--b\r\n\r\nx\r\n--b--", "", "no boundary")]
    [InlineData("no delimiters here", "b", "no delimiter line for the boundary")]
    [InlineData("--b\r\n\r\nx\r\n", "b", "no close delimiter")]
    [InlineData("--b\r\n\r\nx\r\n--c--", "b", "no close delimiter")]
    [InlineData("--b--\r\n", "b", "no parts")]
    [InlineData("--b\r\nbroken header\r\n\r\nx\r\n--b--", "b", "part 1: header line 1: not a 'Name: value' line")]
    public void Parse_Malformed_GivesError(string text, string? boundary, string error)
    {
        Assert.Equal(error, Parse(text, boundary).Error);
    }

    [Fact]
    public void Parse_BoundaryOver70Characters_IsRefused()
    {
        Assert.Equal("boundary longer than 70 characters", Parse("x", new string('b', 71)).Error);
    }

    [Fact]
    public void Parse_MoreThan16Parts_IsRefused()
    {
        string text = string.Concat(Enumerable.Repeat("--b\r\n\r\nx\r\n", 17)) + "--b--\r\n";

        Assert.Equal("more than 16 parts", Parse(text, "b").Error);
    }
}
