using System.Text;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Tests.Sip;

public class SipParserTests
{
    [Theory]
    [InlineData("Call-ID: ", null, "missing Call-ID")]
    [InlineData("From: ", null, "missing From")]
    [InlineData("To: ", null, "missing To")]
    [InlineData("Via: ", null, "missing Via")]
    [InlineData("CSeq: ", null, "missing CSeq")]
    [InlineData("CSeq: ", "CSeq: abc INVITE", "bad CSeq")]
    [InlineData("CSeq: ", "CSeq: 1", "bad CSeq")]
    [InlineData("CSeq: ", "CSeq: 99999999999 INVITE", "bad CSeq")]
    [InlineData("CSeq: ", "CSeq: 1 BYE", "bad CSeq: method 'BYE' does not match 'INVITE'")]
    [InlineData("Content-Length: ", "Content-Length: 4", "Content-Length larger than the message")]
    [InlineData("Content-Length: ", "Content-Length: 99999999999999", "Content-Length larger than the message")]
    [InlineData("Content-Length: ", "Content-Length: -1", "bad Content-Length")]
    [InlineData("Content-Length: ", "Content-Length: four", "bad Content-Length")]
    [InlineData("Contact: ", "Contact <sip:x@y>", "header line 7: not a 'Name: value' line")]
    public void Parse_BadRequest_Gives400NamingTheProblem(string header, string? replacement, string reason)
    {
        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, header, replacement)));

        Assert.False(result.IsSuccess);
        Assert.Equal(400, result.Error.StatusCode);
        Assert.Equal(reason, result.Error.Reason);
        Assert.Equal("INVITE", result.Error.Method);
    }

    [Theory]
    [InlineData("INVITE sip:srs@rec.example.net SIP/3.0", 505)]
    [InlineData("INVITE http://rec.example.net SIP/2.0", 416)]
    [InlineData("INVITE mailto:srs@rec.example.net SIP/2.0", 416)]
    [InlineData("INVITE sip:srs@rec.example.net", 400)]
    [InlineData("INVITE  sip:srs@rec.example.net SIP/2.0", 400)]
    [InlineData("INVITE srs SIP/2.0", 400)]
    [InlineData("INV(TE sip:srs@rec.example.net SIP/2.0", 400)]
    public void Parse_BadRequestLine_GivesStatus(string requestLine, int status)
    {
        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "INVITE ", requestLine)));

        Assert.False(result.IsSuccess);
        Assert.Equal(status, result.Error.StatusCode);
    }

    [Fact]
    public void Parse_Invite_ReadsStartLineHeadersAndBody()
    {
        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Invite));

        Assert.True(result.IsSuccess, result.ToString());
        SipMessage message = result.Message;
        Assert.True(message.IsRequest);
        Assert.Equal("INVITE", message.Method);
        Assert.Equal("sip:srs@rec.example.net", message.RequestUri);
        Assert.Equal("3848276298220188511@sbc.example.com", message.CallId);
        Assert.Equal(new SipCSeq(314159, "INVITE"), message.CSeq);
        Assert.Equal("9fxced76sl", message.FromTag);
        Assert.Null(message.ToTag);
        Assert.Equal("z9hG4bK74bf9", message.TopViaBranch);
        Assert.Equal("application/sdp", message.ContentType?.MediaType);
        Assert.Equal("v=0", Encoding.UTF8.GetString(message.Body.Span));
        Assert.Equal(9, message.Headers.Count);
    }

    [Fact]
    public void Parse_Response_ReadsStatusLine()
    {
        string text = SipText.Replace(SipText.Invite, "INVITE ", "SIP/2.0 180 Ringing Now")
            .Replace("Content-Length: 3", "Content-Length: 0", StringComparison.Ordinal)
            .Replace("\nv=0", "\n", StringComparison.Ordinal);

        SipParseResult result = SipParser.Parse(SipText.Crlf(text));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.False(result.Message.IsRequest);
        Assert.Equal(180, result.Message.StatusCode);
        Assert.Equal("Ringing Now", result.Message.ReasonPhrase);
        Assert.Equal(string.Empty, result.Message.Method);
        Assert.True(result.Message.Body.IsEmpty);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Too Low")]
    [InlineData("SIP/2.0 700 Too High")]
    [InlineData("SIP/2.0 2000 OK")]
    [InlineData("SIP/2.0")]
    public void Parse_BadStatusLine_GivesErrorThatCannotBeAnswered(string statusLine)
    {
        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "INVITE ", statusLine)));

        Assert.False(result.IsSuccess);
        Assert.False(result.Error.CanReply);
    }

    [Fact]
    public void Parse_CompactHeaders_ExpandsToFullNames()
    {
        string text = """
            OPTIONS sip:srs@rec.example.net SIP/2.0
            v: SIP/2.0/UDP a.example.com;branch=z9hG4bKa, SIP/2.0/TCP b.example.com;branch=z9hG4bKb
            f: <sip:a@example.com>;tag=1
            t: sip:srs@rec.example.net;tag=2
            i: compact-1
            CSeq: 7 OPTIONS
            k: timer
            s: hello
            m: <sip:a@a.example.com>
            c: text/plain
            l: 0

            """;

        SipMessage message = SipParser.Parse(SipText.Crlf(text)).Message!;

        Assert.Equal(
            ["Via", "From", "To", "Call-ID", "CSeq", "Supported", "Subject", "Contact", "Content-Type", "Content-Length"],
            message.Headers.Select(h => h.Name));
        Assert.Equal("compact-1", message.CallId);
        Assert.Equal("2", message.ToTag);
        Assert.Equal("timer", message.Header("Supported"));
        Assert.Equal("timer", message.Header("k"));
        Assert.Equal(["SIP/2.0/UDP a.example.com;branch=z9hG4bKa", "SIP/2.0/TCP b.example.com;branch=z9hG4bKb"], message.Vias);
        Assert.Equal("z9hG4bKa", message.TopViaBranch);
    }

    [Fact]
    public void Parse_ViasOnSeveralLines_KeepsOrder()
    {
        string text = SipText.Replace(SipText.Invite, "Via: ", "Via: SIP/2.0/UDP p1;branch=z9hG4bK1\nvia: SIP/2.0/UDP p2;branch=z9hG4bK2, SIP/2.0/UDP p3");

        SipMessage message = SipParser.Parse(SipText.Crlf(text)).Message!;

        Assert.Equal(["SIP/2.0/UDP p1;branch=z9hG4bK1", "SIP/2.0/UDP p2;branch=z9hG4bK2", "SIP/2.0/UDP p3"], message.Vias);
        Assert.Equal(2, message.HeaderValues("Via").Count);
    }

    [Fact]
    public void Parse_FoldedHeader_JoinsContinuationLines()
    {
        string text = SipText.Invite
            .Replace("Max-Forwards: 70", "Subject: I know you're there,\n  pick up the phone\n\tand talk to me!", StringComparison.Ordinal);

        SipMessage message = SipParser.Parse(SipText.Crlf(text)).Message!;

        Assert.Equal("I know you're there, pick up the phone and talk to me!", message.Header("subject"));
    }

    [Fact]
    public void Parse_NoMaxForwards_IsTolerated()
    {
        Assert.True(SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "Max-Forwards", null))).IsSuccess);
    }

    [Theory]
    [InlineData("Content-Length: 2", "v=")]
    [InlineData(null, "v=0\r\nextra")]
    public void Parse_ContentLength_DecidesTheBody(string? contentLength, string expectedBody)
    {
        string text = SipText.Replace(SipText.Invite, "Content-Length", contentLength).Replace("v=0", "v=0\nextra", StringComparison.Ordinal);

        SipMessage message = SipParser.Parse(SipText.Crlf(text)).Message!;

        Assert.Equal(expectedBody, Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void Parse_BareLineFeedsAndLeadingBlankLines_AreAccepted()
    {
        byte[] data = Encoding.UTF8.GetBytes("\r\n\r\n" + SipText.Invite.ReplaceLineEndings("\n"));

        Assert.True(SipParser.Parse(data).IsSuccess);
    }

    [Fact]
    public void Parse_InvalidUtf8InHeader_IsTolerated()
    {
        byte[] data = SipText.Crlf(SipText.Invite);
        int index = Encoding.UTF8.GetString(data).IndexOf("SBC", StringComparison.Ordinal);
        data[index] = 0xFF;

        SipParseResult result = SipParser.Parse(data);

        Assert.True(result.IsSuccess);
        Assert.StartsWith("\"\uFFFDBC\"", result.Message.Header("From"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessageOver64KiB_Gives413()
    {
        string padding = new('x', SipLimits.MaxMessageBytes);

        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Invite.Replace("v=0", padding, StringComparison.Ordinal)));

        Assert.Equal(413, result.Error?.StatusCode);
    }

    [Fact]
    public void Parse_TooManyHeaders_Gives413()
    {
        string many = string.Concat(Enumerable.Repeat("X-Filler: 1\n", SipLimits.MaxHeaders));

        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Invite.Replace("Max-Forwards: 70\n", many, StringComparison.Ordinal)));

        Assert.Equal(413, result.Error?.StatusCode);
        Assert.Equal("more than 256 headers", result.Error?.Reason);
    }

    [Fact]
    public void Parse_HeaderLineOver8KiB_Gives400()
    {
        string longLine = "X-Long: " + new string('y', SipLimits.MaxHeaderLineBytes);

        SipParseResult result = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "Max-Forwards", longLine)));

        Assert.Equal(400, result.Error?.StatusCode);
        Assert.Contains("longer than 8192 bytes", result.Error?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorAfterReplyHeadersParsed_CanReplyWithThem()
    {
        SipParseError error = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "CSeq", "CSeq: x INVITE"))).Error!;

        Assert.True(error.CanReply);
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq"], error.ReplyHeaders.Select(h => h.Name));
    }

    [Theory]
    [InlineData("Call-ID", null)]
    [InlineData("INVITE ", "ACK sip:srs@rec.example.net SIP/2.0")]
    public void Parse_ErrorWithoutWayToAnswer_CannotReply(string header, string? replacement)
    {
        SipParseError? error = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, header, replacement))).Error;

        Assert.NotNull(error);
        Assert.False(error.CanReply);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("garbage")]
    [InlineData("INVITE sip:a SIP/2.0\r\n: no name\r\n\r\n")]
    [InlineData("\0\0\0")]
    public void Parse_Garbage_GivesErrorWithoutThrowing(string text)
    {
        SipParseResult result = SipParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsSuccess);
    }
}
