using Calltrail.Recorder.Sdp;

namespace Calltrail.Recorder.Tests.Sdp;

public class SessionDescriptionTests
{
    internal const string SiprecOffer = """
        v=0
        o=SRC 2890844526 2890842807 IN IP4 198.51.100.10
        s=-
        c=IN IP4 198.51.100.10
        t=0 0
        a=sendonly
        m=audio 49170 RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        a=label:caller
        m=audio 49180 RTP/AVP 96 8
        c=IN IP4 198.51.100.11
        a=rtpmap:96 opus/48000/2
        a=rtcp:49185
        a=label:callee
        a=recvonly
        """;

    [Fact]
    public void Parse_SiprecOffer_ReadsSessionAndMedia()
    {
        ParseResult<SessionDescription> result = SessionDescription.Parse(SiprecOffer.ReplaceLineEndings("\r\n"));

        Assert.True(result.IsSuccess, result.Error);
        SessionDescription sdp = result.Value;
        Assert.Equal(new SdpOrigin("SRC", "2890844526", "2890842807", "IN", "IP4", "198.51.100.10"), sdp.Origin);
        Assert.Equal(SdpDirection.SendOnly, sdp.Direction);
        Assert.Equal(2, sdp.Media.Count);

        MediaDescription first = sdp.Media[0];
        Assert.Equal(("audio", 49170, "RTP/AVP"), (first.Media, first.Port, first.Protocol));
        Assert.Equal([0, 8, 101], first.PayloadTypes);
        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000, 1), first.RtpMaps[101]);
        Assert.Equal("0-15", first.Fmtps[101]);
        Assert.Equal(20, first.Ptime);
        Assert.Equal("caller", first.Label);
        Assert.Equal(SdpDirection.SendOnly, first.Direction);
        Assert.Equal("198.51.100.10", first.Connection?.Address);
        Assert.Null(first.OwnConnection);

        MediaDescription second = sdp.Media[1];
        Assert.Equal("198.51.100.11", second.Connection?.Address);
        Assert.Equal(new SdpRtpMap(96, "opus", 48000, 2), second.RtpMaps[96]);
        Assert.Equal("49185", second.Rtcp);
        Assert.Equal(SdpDirection.RecvOnly, second.Direction);
        Assert.Equal("callee", second.Label);
    }

    [Theory]
    [InlineData("a=sendonly", SdpDirection.SendOnly)]
    [InlineData("a=inactive", SdpDirection.Inactive)]
    [InlineData("a=recvonly", SdpDirection.RecvOnly)]
    [InlineData("a=sendrecv", SdpDirection.SendRecv)]
    [InlineData("a=tool:x", SdpDirection.SendRecv)]
    public void Parse_NoMediaDirection_TakesSessionsOrSendRecv(string sessionAttribute, SdpDirection expected)
    {
        string text = $"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n{sessionAttribute}\nm=audio 5000 RTP/AVP 0\n";

        Assert.Equal(expected, SessionDescription.Parse(text).Value!.Media[0].Direction);
    }

    [Fact]
    public void Parse_StaticPayloadWithoutRtpmap_MapsByRfc3551()
    {
        MediaDescription media = SessionDescription.Parse("v=0\nm=audio 5000 RTP/AVP 8 0\n").Value!.Media[0];

        Assert.Equal("PCMA", media.RtpMapFor(8)?.EncodingName);
        Assert.Equal("PCMU", media.RtpMapFor(0)?.EncodingName);
        Assert.Null(media.RtpMapFor(18));
    }

    [Fact]
    public void Parse_PortCountAndNonRtpFormats_AreRead()
    {
        MediaDescription media = SessionDescription.Parse("v=0\nm=application 9/2 TCP/BFCP *\n").Value!.Media[0];

        Assert.Equal((9, 2), (media.Port, media.PortCount));
        Assert.Equal(["*"], media.Formats);
        Assert.Empty(media.PayloadTypes);
    }

    [Theory]
    [InlineData("", "empty SDP")]
    [InlineData("o=- 1 1 IN IP4 a\n", "line 1: expected v=0 first")]
    [InlineData("v=0\nhello\n", "line 2: expected 'x=value'")]
    [InlineData("v=0\no=- 1 IN IP4 a\n", "line 2: o= needs 6 fields")]
    [InlineData("v=0\nc=IN IP4\n", "line 2: bad c= line")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP\n", "m= line 1: expected media, port, protocol and formats")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP 0\nm=audio 70000 RTP/AVP 0\n", "m= line 2: bad port")]
    [InlineData("v=0\nm=audio -1 RTP/AVP 0\n", "m= line 1: bad port")]
    [InlineData("v=0\nm=audio 5000/0 RTP/AVP 0\n", "m= line 1: bad port")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP 0 pcmu\n", "m= line 1: bad payload type 'pcmu'")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP 200\n", "m= line 1: bad payload type '200'")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP 0\na=rtpmap:0 PCMU\n", "m= line 1: bad rtpmap '0 PCMU'")]
    [InlineData("v=0\nm=audio 5000 RTP/AVP 0\nc=IN\n", "m= line 1: bad c= line")]
    public void Parse_Malformed_NamesTheLine(string text, string error)
    {
        ParseResult<SessionDescription> result = SessionDescription.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Parse_TooManyMedia_IsRefused()
    {
        string text = "v=0\n" + string.Concat(Enumerable.Repeat("m=audio 5000 RTP/AVP 0\n", 65));

        Assert.Equal("m= line 65: more than 64 m= lines", SessionDescription.Parse(text).Error);
    }

    [Fact]
    public void Parse_BlankLinesAndUnknownTypes_AreSkipped()
    {
        ParseResult<SessionDescription> result = SessionDescription.Parse("v=0\r\n\r\nz=0 -1h\r\nx=whatever\r\nm=audio 1 RTP/AVP 0\r\n");

        Assert.True(result.IsSuccess, result.Error);
        Assert.Single(result.Value.Media);
    }
}
