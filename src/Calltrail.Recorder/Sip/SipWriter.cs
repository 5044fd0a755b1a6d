using System.Globalization;
using System.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// Serializes an outgoing message: start line, headers, Content-Type when there is a body, Content-Length
/// always (stream transports require it), then the body. UTF-8 with CRLF line ends.
/// </summary>
internal static class SipWriter
{
    public static byte[] Write(string startLine, IEnumerable<SipHeader> headers, string? contentType, ReadOnlyMemory<byte> body)
    {
        var head = new StringBuilder(512);
        AppendLine(head, startLine);
        foreach (SipHeader header in headers)
        {
            if (!IsWrittenHere(header.Name, contentType is not null))
            {
                AppendLine(head, $"{Clean(header.Name)}: {Clean(header.Value)}");
            }
        }

        if (contentType is not null)
        {
            AppendLine(head, $"{SipHeaderNames.ContentType}: {Clean(contentType)}");
        }

        AppendLine(head, $"{SipHeaderNames.ContentLength}: {body.Length.ToString(CultureInfo.InvariantCulture)}");
        head.Append("\r\n");

        string text = head.ToString();
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + body.Length];
        int written = Encoding.UTF8.GetBytes(text, bytes);
        body.Span.CopyTo(bytes.AsSpan(written));
        return bytes;
    }

    /// <summary>Content-Length is always ours; Content-Type is ours when a body was given with its type.</summary>
    private static bool IsWrittenHere(string name, bool hasContentType) =>
        string.Equals(SipHeaderNames.Expand(name), SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || (hasContentType && string.Equals(SipHeaderNames.Expand(name), SipHeaderNames.ContentType, StringComparison.OrdinalIgnoreCase));

    private static void AppendLine(StringBuilder head, string line) => head.Append(line).Append("\r\n");

    /// <summary>A CR or LF inside a value would start a forged header line, so they become spaces.</summary>
    internal static string Clean(string value) =>
        value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? value.Replace('\r', ' ').Replace('\n', ' ')
            : value;
}
