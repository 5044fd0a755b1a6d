using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Calltrail.Recorder.Benchmarks.Sip;

/// <summary>The few parts of a SIP response the client needs: status, Call-ID, CSeq method, To tag and the SDP's media ports.</summary>
public sealed partial record SipReply(int Status, string CallId, string Method, string? ToTag, IReadOnlyList<int> MediaPorts)
{
    public static SipReply? Parse(ReadOnlySpan<byte> datagram)
    {
        var text = Encoding.UTF8.GetString(datagram);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var lines = head.Split("\r\n");
        if (!lines[0].StartsWith("SIP/2.0 ", StringComparison.Ordinal)
            || !int.TryParse(lines[0].AsSpan(8, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        string? Header(string name) => lines.Skip(1)
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .FirstOrDefault();

        var callId = Header("Call-ID");
        var cseq = Header("CSeq")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (callId is null || cseq is not [_, var method])
        {
            return null;
        }

        var toTag = Header("To") is { } to && TagPattern().Match(to) is { Success: true } m ? m.Groups[1].Value : null;
        var body = split < 0 ? "" : text[(split + 4)..];
        var ports = MediaPattern().Matches(body).Select(p => int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return new SipReply(status, callId, method, toTag, ports);
    }

    [GeneratedRegex(@";tag=([^;>\s]+)")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^m=audio (\d+) ", RegexOptions.Multiline)]
    private static partial Regex MediaPattern();
}
