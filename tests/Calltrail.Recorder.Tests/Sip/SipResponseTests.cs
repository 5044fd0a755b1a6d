using System.Text;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Tests.Sip;

public class SipResponseTests
{
    private static SipMessage Request(string text) => SipParser.Parse(SipText.Crlf(text)).Message!;

    [Fact]
    public void ToBytes_OkToInvite_CopiesDialogHeadersAddsTagAndBody()
    {
        SipMessage invite = Request(SipText.Replace(SipText.Invite, "Via", "Via: SIP/2.0/UDP p1;branch=z9hG4bK1, SIP/2.0/UDP p2;branch=z9hG4bK2\nVia: SIP/2.0/UDP p3;branch=z9hG4bK3"));

        byte[] bytes = SipResponse.To(invite, 200, "OK")
            .WithToTag("rec1")
            .WithHeader("Contact", "<sip:srs@10.0.0.5>")
            .WithBody("application/sdp", "v=0\r\n"u8.ToArray())
            .ToBytes();

        string expected = """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP p1;branch=z9hG4bK1, SIP/2.0/UDP p2;branch=z9hG4bK2
            Via: SIP/2.0/UDP p3;branch=z9hG4bK3
            From: "SBC" <sip:src@example.com>;tag=9fxced76sl
            To: <sip:srs@rec.example.net>;tag=rec1
            Call-ID: 3848276298220188511@sbc.example.com
            CSeq: 314159 INVITE
            Contact: <sip:srs@10.0.0.5>
            Content-Type: application/sdp
            Content-Length: 5

            v=0

            """.ReplaceLineEndings("\r\n");
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ToBytes_ToAlreadyTagged_KeepsItsTag()
    {
        SipMessage bye = Request(SipText.Replace(SipText.Invite, "To:", "To: <sip:srs@rec.example.net>;tag=old"));

        string text = Encoding.UTF8.GetString(SipResponse.To(bye, 200, "OK").WithToTag("new").ToBytes());

        Assert.Contains("\r\nTo: <sip:srs@rec.example.net>;tag=old\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 0\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_ResponseBuilt_ParsesBackWithSameDialog()
    {
        SipMessage invite = Request(SipText.Invite);

        SipMessage response = SipParser.Parse(SipResponse.To(invite, 486, "Busy Here").WithToTag("x").ToBytes()).Message!;

        Assert.Equal(486, response.StatusCode);
        Assert.Equal(invite.CallId, response.CallId);
        Assert.Equal(invite.CSeq, response.CSeq);
        Assert.Equal(invite.TopViaBranch, response.TopViaBranch);
        Assert.Equal("x", response.ToTag);
    }

    [Fact]
    public void ToError_ReplyableError_BuildsResponseWithReason()
    {
        SipParseError error = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "Content-Length", "Content-Length: 9"))).Error!;

        SipMessage reply = SipParser.Parse(SipResponse.ToError(error)!.ToBytes()).Message!;

        Assert.Equal(400, reply.StatusCode);
        Assert.Equal("Content-Length larger than the message", reply.ReasonPhrase);
        Assert.Equal("3848276298220188511@sbc.example.com", reply.CallId);
    }

    [Fact]
    public void ToError_UnreplyableError_IsNull()
    {
        SipParseError error = SipParser.Parse(SipText.Crlf(SipText.Replace(SipText.Invite, "Via", null))).Error!;

        Assert.Null(SipResponse.ToError(error));
    }

    [Fact]
    public void ToBytes_ValueWithLineBreak_CannotInjectAHeader()
    {
        SipMessage invite = Request(SipText.Invite);

        string text = Encoding.UTF8.GetString(SipResponse.To(invite, 200, "OK").WithHeader("X-Note", "a\r\nEvil: 1").ToBytes());

        Assert.Contains("X-Note: a  Evil: 1\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_Request_WritesStartLineHeadersAndLength()
    {
        byte[] bytes = new SipRequest("BYE", "sip:src@sbc.example.com")
            .WithHeader("Via", "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKbye1")
            .WithHeader("Max-Forwards", "70")
            .WithHeader("From", "<sip:srs@rec.example.net>;tag=rec1")
            .WithHeader("To", "<sip:src@example.com>;tag=9fxced76sl")
            .WithHeader("Call-ID", "abc")
            .WithHeader("CSeq", "1 BYE")
            .WithHeader("Content-Length", "99")
            .ToBytes();

        SipMessage bye = SipParser.Parse(bytes).Message!;

        Assert.Equal("BYE", bye.Method);
        Assert.Equal("sip:src@sbc.example.com", bye.RequestUri);
        Assert.Equal(["0"], bye.HeaderValues("Content-Length"));
        Assert.EndsWith("Content-Length: 0\r\n\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
