using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// Parses one SIP message from a datagram or from a frame cut by <see cref="SipStreamFramer"/>
/// (RFC 3261 §7, §18.3). Never throws: every problem comes back as a <see cref="SipParseError"/>.
/// </summary>
public static class SipParser
{
    private static readonly string[] ReplyHeaderNames =
        [SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq];

    public static SipParseResult Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length > SipLimits.MaxMessageBytes)
        {
            return Fail(413, $"message larger than {SipLimits.MaxMessageBytes} bytes", null, []);
        }

        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        int start = 0;
        while (start < data.Length && (data[start] == (byte)'\r' || data[start] == (byte)'\n'))
        {
            start++;
        }

        if (start == data.Length)
        {
            return Fail(400, "empty message", null, []);
        }

        int startLineEnd = Lines.ContentEnd(data, start, out int headersStart);
        if (startLineEnd - start > SipLimits.MaxHeaderLineBytes)
        {
            return Fail(400, "start line too long", null, []);
        }

        string startLineText = Tokens.Utf8(data[start..startLineEnd]);
        int bodyStart = FindBodyStart(data, headersStart, out int headersEnd);
        var headers = new List<SipHeader>();
        HeaderFailure? headerFailure = HeaderBlock.Read(data[headersStart..headersEnd], headers, expandCompactNames: true);
        SipStartLine? startLine = SipStartLine.Parse(startLineText, out HeaderFailure? startFailure);
        string? method = startLine?.Method ?? SipStartLine.MethodOf(startLineText);

        HeaderFailure? failure = startFailure ?? headerFailure ?? CheckMandatory(headers);
        if (failure is not null || startLine is null)
        {
            failure ??= new HeaderFailure(400, "bad start line");
            return Fail(failure.StatusCode, failure.Reason, method, headers);
        }

        return Build(startLine, headers, data[bodyStart..]);
    }

    private static SipParseResult Build(SipStartLine startLine, List<SipHeader> headers, ReadOnlySpan<byte> rest)
    {
        var headerList = new SipHeaders(headers);
        string? method = startLine.IsRequest ? startLine.Method : null;
        if (!SipCSeq.TryParse(headerList.First(SipHeaderNames.CSeq), out SipCSeq cseq))
        {
            return Fail(400, "bad CSeq", method, headers);
        }

        if (startLine.IsRequest && !string.Equals(cseq.Method, startLine.Method, StringComparison.Ordinal))
        {
            return Fail(400, $"bad CSeq: method '{cseq.Method}' does not match '{startLine.Method}'", method, headers);
        }

        HeaderFailure? lengthFailure = BodyLength(headerList.First(SipHeaderNames.ContentLength), rest.Length, out int length);
        if (lengthFailure is not null)
        {
            return Fail(lengthFailure.StatusCode, lengthFailure.Reason, method, headers);
        }

        byte[] body = rest[..length].ToArray();
        return SipParseResult.Ok(new SipMessage(startLine, headerList, body, cseq));
    }

    /// <summary>
    /// Where the body starts: after the first empty line. A message that ends without one is read as all
    /// headers and no body, which is how a truncated datagram of headers is best understood.
    /// </summary>
    private static int FindBodyStart(ReadOnlySpan<byte> data, int headersStart, out int headersEnd)
    {
        int lineStart = headersStart;
        while (lineStart < data.Length)
        {
            int end = Lines.ContentEnd(data, lineStart, out int next);
            if (end == lineStart)
            {
                headersEnd = lineStart;
                return next;
            }

            lineStart = next;
        }

        headersEnd = data.Length;
        return data.Length;
    }

    private static HeaderFailure? CheckMandatory(List<SipHeader> headers)
    {
        foreach (string name in ReplyHeaderNames)
        {
            if (!headers.Exists(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return new HeaderFailure(400, $"missing {name}");
            }
        }

        return null;
    }

    /// <summary>
    /// RFC 3261 §18.3 for datagrams: no Content-Length means the rest of the datagram; a larger one than the
    /// bytes present is an error; a smaller one cuts the body and the extra bytes are dropped.
    /// </summary>
    private static HeaderFailure? BodyLength(string? header, int available, out int length)
    {
        length = available;
        if (header is null)
        {
            return null;
        }

        string text = header.Trim();
        if (!Tokens.IsDigits(text))
        {
            return new HeaderFailure(400, "bad Content-Length");
        }

        // More than nine digits is more than any message the size limit lets through.
        if (!Tokens.TryParseSmallNumber(text, out int declared) || declared > available)
        {
            return new HeaderFailure(400, "Content-Length larger than the message");
        }

        length = declared;
        return null;
    }

    private static SipParseResult Fail(int status, string reason, string? method, List<SipHeader> headers)
    {
        List<SipHeader> reply = [.. headers.Where(h => ReplyHeaderNames.Contains(h.Name, StringComparer.OrdinalIgnoreCase))];
        bool complete = ReplyHeaderNames.All(n => reply.Exists(h => string.Equals(h.Name, n, StringComparison.OrdinalIgnoreCase)));
        bool canReply = method is not null && !method.Equals("ACK", StringComparison.Ordinal) && complete;
        return SipParseResult.Fail(new SipParseError(status, reason, method, reply, canReply));
    }
}
