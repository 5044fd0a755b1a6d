using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// Reads a block of header lines (SIP or MIME): unfolds continuation lines (obsolete but still sent,
/// RFC 3261 §7.3.1), checks names are tokens, and enforces the line and count limits.
/// </summary>
internal static class HeaderBlock
{
    /// <summary>
    /// Appends the headers of <paramref name="block"/> to <paramref name="into"/>; on the first bad line stops
    /// and returns what is wrong (headers before it stay in the list, so an error reply can still use them).
    /// </summary>
    public static HeaderFailure? Read(ReadOnlySpan<byte> block, List<SipHeader> into, bool expandCompactNames)
    {
        int lineNumber = 0;
        int start = 0;
        while (start < block.Length)
        {
            lineNumber++;
            int end = Lines.ContentEnd(block, start, out int next);
            ReadOnlySpan<byte> line = block[start..end];
            start = next;
            if (line.Length > SipLimits.MaxHeaderLineBytes)
            {
                return new HeaderFailure(400, $"header line {lineNumber} longer than {SipLimits.MaxHeaderLineBytes} bytes");
            }

            HeaderFailure? failure = line.Length > 0 && (line[0] == (byte)' ' || line[0] == (byte)'\t')
                ? Continue(into, line, lineNumber)
                : Add(into, line, lineNumber, expandCompactNames);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static HeaderFailure? Continue(List<SipHeader> into, ReadOnlySpan<byte> line, int lineNumber)
    {
        if (into.Count == 0)
        {
            return new HeaderFailure(400, $"header line {lineNumber}: continuation without a header");
        }

        SipHeader last = into[^1];
        string more = Tokens.Utf8(line).Trim();
        into[^1] = last with { Value = last.Value.Length == 0 ? more : $"{last.Value} {more}" };
        return null;
    }

    private static HeaderFailure? Add(List<SipHeader> into, ReadOnlySpan<byte> line, int lineNumber, bool expand)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        int colon = line.IndexOf((byte)':');
        string name = colon < 0 ? string.Empty : Tokens.Utf8(line[..colon]).Trim();
        if (!Tokens.IsToken(name))
        {
            return new HeaderFailure(400, $"header line {lineNumber}: not a 'Name: value' line");
        }

        if (into.Count >= SipLimits.MaxHeaders)
        {
            return new HeaderFailure(413, $"more than {SipLimits.MaxHeaders} headers");
        }

        string value = Tokens.Utf8(line[(colon + 1)..]).Trim();
        into.Add(new SipHeader(expand ? SipHeaderNames.Expand(name) : name, value));
        return null;
    }
}

/// <summary>Why a header block was refused, with the status a request would be answered with.</summary>
internal sealed record HeaderFailure(int StatusCode, string Reason);
