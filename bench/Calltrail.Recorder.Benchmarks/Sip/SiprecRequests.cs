using System.Text;

namespace Calltrail.Recorder.Benchmarks.Sip;

/// <summary>
/// The requests of one SIPREC recording session, shaped as sipp/siprec-call.xml sends them: an INVITE
/// with SDP (two sendonly PCMU streams labelled 1 and 2) and RFC 7865 metadata naming the service's
/// call in <c>&lt;ct:callid&gt;</c>; the ACK for its 200; the BYE.
/// </summary>
public sealed class SiprecRequests(string callId, int localPort, int serverPort, int mediaPort)
{
    private const string Boundary = "calltrail-rs-boundary";
    private readonly string sipCallId = $"{callId}@bench";
    private readonly string fromTag = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6));

    public string SipCallId => sipCallId;

    public byte[] Invite()
    {
        var body = Crlf($"""
            --{Boundary}
            Content-Type: application/sdp

            v=0
            o=- 1 1 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio {mediaPort} RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=label:1
            a=sendonly
            m=audio {mediaPort + 2} RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=label:2
            a=sendonly

            --{Boundary}
            Content-Type: application/rs-metadata+xml
            Content-Disposition: recording-session

            <?xml version="1.0" encoding="UTF-8"?>
            <recording xmlns="urn:ietf:params:xml:ns:recording:1">
              <datamode>complete</datamode>
              <session session_id="c2Vzc2lvbg==">
                <extensiondata xmlns:ct="urn:calltrail:siprec"><ct:callid>{callId}</ct:callid></extensiondata>
              </session>
              <participant participant_id="Y2FsbGVy"><nameID aor="sip:caller@example.com"><name>Caller</name></nameID></participant>
              <participant participant_id="YWdlbnQ="><nameID aor="sip:agent@example.com"><name>Agent</name></nameID></participant>
              <stream stream_id="czE=" session_id="c2Vzc2lvbg=="><label>1</label></stream>
              <stream stream_id="czI=" session_id="c2Vzc2lvbg=="><label>2</label></stream>
              <participantstreamassoc participant_id="Y2FsbGVy"><send>czE=</send><recv>czI=</recv></participantstreamassoc>
              <participantstreamassoc participant_id="YWdlbnQ="><send>czI=</send><recv>czE=</recv></participantstreamassoc>
            </recording>
            --{Boundary}--

            """);
        return Request("INVITE", 1, toTag: null, ("Require", "siprec"), ("Content-Type", $"multipart/mixed;boundary={Boundary}"))(body);
    }

    public byte[] Ack(string toTag) => Request("ACK", 1, toTag)("");

    public byte[] Bye(string toTag) => Request("BYE", 2, toTag)("");

    private Func<string, byte[]> Request(string method, int cseq, string? toTag, params (string Name, string Value)[] extra) => body =>
    {
        var head = new StringBuilder()
            .Append($"{method} sip:srs@127.0.0.1:{serverPort} SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bK{Guid.NewGuid():N}\r\n")
            .Append($"From: <sip:src@127.0.0.1:{localPort}>;tag={fromTag}\r\n")
            .Append($"To: <sip:srs@127.0.0.1:{serverPort}>{(toTag is null ? "" : $";tag={toTag}")}\r\n")
            .Append($"Call-ID: {sipCallId}\r\n")
            .Append($"CSeq: {cseq} {method}\r\n")
            .Append($"Contact: <sip:src@127.0.0.1:{localPort}>;+sip.src\r\n")
            .Append("Max-Forwards: 70\r\n");
        foreach (var (name, value) in extra)
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return Encoding.UTF8.GetBytes(head.ToString());
    };

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}
