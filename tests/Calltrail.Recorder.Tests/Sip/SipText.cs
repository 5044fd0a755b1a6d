using System.Text;

namespace Calltrail.Recorder.Tests.Sip;

/// <summary>Test messages are written with LF for readability and sent with CRLF, as peers do.</summary>
internal static class SipText
{
    public const string Invite = """
        INVITE sip:srs@rec.example.net SIP/2.0
        Via: SIP/2.0/UDP sbc.example.com:5060;branch=z9hG4bK74bf9
        Max-Forwards: 70
        From: "SBC" <sip:src@example.com>;tag=9fxced76sl
        To: <sip:srs@rec.example.net>
        Call-ID: 3848276298220188511@sbc.example.com
        CSeq: 314159 INVITE
        Contact: <sip:src@sbc.example.com>
        Content-Type: application/sdp
        Content-Length: 3

        v=0
        """;

    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>The invite with one header line replaced (or removed when <paramref name="replacement"/> is null).</summary>
    public static string Replace(string message, string headerStart, string? replacement)
    {
        var lines = message.Split('\n').ToList();
        int index = lines.FindIndex(l => l.StartsWith(headerStart, StringComparison.Ordinal));
        if (replacement is null)
        {
            lines.RemoveAt(index);
        }
        else
        {
            lines[index] = replacement;
        }

        return string.Join('\n', lines);
    }
}
