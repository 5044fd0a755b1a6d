using Calltrail.Recorder.Sdp;

namespace Calltrail.Recorder.Tests.Sdp;

public class SdpAnswerTests
{
    private static readonly SdpAnswerOptions Us = new("203.0.113.5", 42, 7);

    private static SdpAnswerResult Answer(string offer, params int[] ports) =>
        SdpAnswer.Create(SessionDescription.Parse(offer.ReplaceLineEndings("\r\n")).Value!, ports, Us);

    private static string Offer(string media) => $"v=0\no=SRC 1 1 IN IP4 198.51.100.10\ns=-\nc=IN IP4 198.51.100.10\nt=0 0\n{media}";

    [Fact]
    public void Create_SiprecOffer_AnswersEachStreamInOrder()
    {
        SdpAnswerResult answer = Answer(SessionDescriptionTests.SiprecOffer, 30000, 30002);

        string expected = """
            v=0
            o=calltrail 42 7 IN IP4 203.0.113.5
            s=-
            c=IN IP4 203.0.113.5
            t=0 0
            m=audio 30000 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=recvonly
            a=label:caller
            m=audio 30002 RTP/AVP 8
            a=rtpmap:8 PCMA/8000
            a=inactive
            a=label:callee

            """.ReplaceLineEndings("\r\n");
        Assert.Equal(expected, answer.Text);
        Assert.Equal(RtpPayloadKind.Pcmu, answer.Media[0].Payloads[0]);
        Assert.Equal(RtpPayloadKind.TelephoneEvent, answer.Media[0].Payloads[101]);
        Assert.Equal(RtpPayloadKind.Pcma, answer.Media[1].Codec);
        Assert.Equal((49170, "198.51.100.10"), (answer.Media[0].RemotePort, answer.Media[0].RemoteConnection?.Address));
    }

    [Theory]
    [InlineData("a=sendonly", "a=recvonly")]
    [InlineData("a=sendrecv", "a=recvonly")]
    [InlineData("a=tool:none", "a=recvonly")]
    [InlineData("a=recvonly", "a=inactive")]
    [InlineData("a=inactive", "a=inactive")]
    public void Create_OfferDirection_GivesRecorderDirection(string offered, string answered)
    {
        SdpAnswerResult answer = Answer(Offer($"m=audio 5000 RTP/AVP 0\n{offered}\n"), 6000);

        Assert.Contains($"\r\n{answered}\r\n", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m=audio 5000 RTP/AVP 18 0 8", 0, RtpPayloadKind.Pcmu)]
    [InlineData("m=audio 5000 RTP/AVP 18 8 0", 8, RtpPayloadKind.Pcma)]
    [InlineData("m=audio 5000 RTP/AVP 96 0\na=rtpmap:96 PCMA/8000", 96, RtpPayloadKind.Pcma)]
    [InlineData("m=audio 5000 RTP/AVP 97 8\na=rtpmap:97 pcmu/8000", 97, RtpPayloadKind.Pcmu)]
    [InlineData("m=audio 5000 RTP/AVP 96 8\na=rtpmap:96 PCMU/16000", 8, RtpPayloadKind.Pcma)]
    public void Create_Codecs_FirstG711InOfferOrder(string media, int payloadType, RtpPayloadKind kind)
    {
        AnsweredMedia answered = Answer(Offer(media + "\n"), 6000).Media[0];

        Assert.Equal((payloadType, kind), (answered.CodecPayloadType, answered.Codec));
        Assert.Null(answered.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData("m=audio 5000 RTP/AVP 18 9\n", 6000, "m=audio 0 RTP/AVP 18")]
    [InlineData("m=video 5000 RTP/AVP 31\n", 6000, "m=video 0 RTP/AVP 31")]
    [InlineData("m=audio 0 RTP/AVP 0\n", 6000, "m=audio 0 RTP/AVP 0")]
    [InlineData("m=audio 5000 RTP/SAVP 0\n", 6000, "m=audio 0 RTP/SAVP 0")]
    [InlineData("m=audio 5000 RTP/AVP 8\n", 0, "m=audio 0 RTP/AVP 8")]
    [InlineData("m=audio 5000 RTP/AVP 8\n", 70000, "m=audio 0 RTP/AVP 8")]
    public void Create_UnusableMedia_RejectedWithPortZero(string media, int port, string expectedLine)
    {
        SdpAnswerResult answer = Answer(Offer(media), port);

        Assert.Contains($"\r\n{expectedLine}\r\n", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Media[0].Accepted);
        Assert.Empty(answer.Media[0].Payloads);
    }

    [Fact]
    public void Create_FewerPortsThanMedia_RejectsTheRest()
    {
        SdpAnswerResult answer = Answer(Offer("m=audio 5000 RTP/AVP 0\nm=audio 5002 RTP/AVP 0\na=label:2\n"), 6000);

        Assert.Equal([true, false], answer.Media.Select(m => m.Accepted));
        Assert.EndsWith("m=audio 0 RTP/AVP 0\r\na=label:2\r\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Ipv6Address_SaysIp6()
    {
        SdpAnswerResult answer = SdpAnswer.Create(SessionDescription.Parse(Offer("m=audio 5000 RTP/AVP 0\n")).Value!, [6000], new SdpAnswerOptions("2001:db8::5", 1, 2));

        Assert.Contains("\r\nc=IN IP6 2001:db8::5\r\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Answer_ParsesBackAsValidSdp()
    {
        SdpAnswerResult answer = Answer(SessionDescriptionTests.SiprecOffer, 30000, 30002);

        ParseResult<SessionDescription> parsed = SessionDescription.Parse(answer.Text);

        Assert.True(parsed.IsSuccess, parsed.Error);
        Assert.Equal(["caller", "callee"], parsed.Value.Media.Select(m => m.Label));
        Assert.Equal(SdpDirection.RecvOnly, parsed.Value.Media[0].Direction);
    }
}
