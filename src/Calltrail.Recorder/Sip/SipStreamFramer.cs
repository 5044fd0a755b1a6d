using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// Cuts a TCP/TLS byte stream into SIP messages (RFC 3261 §18.3): headers up to the empty line, then exactly
/// Content-Length body bytes, which streams must always declare. Holds at most one message's worth of bytes.
/// </summary>
public sealed class SipStreamFramer
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] BareHeaderEnd = "\n\n"u8.ToArray();

    private readonly byte[] buffer;
    private int count;
    private string? error;

    public SipStreamFramer(int maxMessageBytes = SipLimits.MaxMessageBytes)
    {
        buffer = new byte[Math.Max(16, maxMessageBytes)];
    }

    /// <summary>Bytes held waiting for the rest of a message.</summary>
    public int Buffered => count;

    public SipFramerResult Feed(ReadOnlySpan<byte> data)
    {
        var messages = new List<byte[]>();
        int pings = 0;
        while (error is null && !data.IsEmpty)
        {
            int take = Math.Min(data.Length, buffer.Length - count);
            if (take == 0)
            {
                error = $"message larger than {buffer.Length} bytes";
                break;
            }

            data[..take].CopyTo(buffer.AsSpan(count));
            count += take;
            data = data[take..];
            pings += Extract(messages);
        }

        return new SipFramerResult(messages, pings, error);
    }

    /// <summary>Takes every complete message off the front of the buffer; returns the pings skipped.</summary>
    private int Extract(List<byte[]> messages)
    {
        int pings = 0;
        while (error is null)
        {
            pings += SkipKeepAlives();
            int length = CompleteLength();
            if (length <= 0)
            {
                break;
            }

            messages.Add(buffer.AsSpan(0, length).ToArray());
            Consume(length);
        }

        return pings;
    }

    /// <summary>
    /// Drops CR/LF between messages. CRLF CRLF is a ping; a lone CRLF (a pong, or stray line end) is skipped, but
    /// only once the next byte shows it is not the first half of a ping.
    /// </summary>
    private int SkipKeepAlives()
    {
        int pings = 0;
        while (count > 0 && (buffer[0] == (byte)'\r' || buffer[0] == (byte)'\n'))
        {
            ReadOnlySpan<byte> held = buffer.AsSpan(0, count);
            if (held.StartsWith(HeaderEnd))
            {
                pings++;
                Consume(HeaderEnd.Length);
            }
            else if (HeaderEnd.AsSpan().StartsWith(held))
            {
                break;
            }
            else
            {
                Consume(held.StartsWith("\r\n"u8) ? 2 : 1);
            }
        }

        return pings;
    }

    /// <summary>The length of the message at the front when all of it is buffered; 0 when more is needed.</summary>
    private int CompleteLength()
    {
        ReadOnlySpan<byte> held = buffer.AsSpan(0, count);
        int headerLength = HeaderLength(held);
        if (headerLength < 0)
        {
            return 0;
        }

        int? bodyLength = DeclaredLength(held[..headerLength]);
        if (bodyLength is null)
        {
            return 0;
        }

        int total = headerLength + bodyLength.Value;
        if (total > buffer.Length)
        {
            error = $"message larger than {buffer.Length} bytes";
            return 0;
        }

        return total <= count ? total : 0;
    }

    /// <summary>The length of the start line and headers including the empty line; -1 when not all here yet.</summary>
    private static int HeaderLength(ReadOnlySpan<byte> held)
    {
        int crlf = held.IndexOf(HeaderEnd);
        int lf = held.IndexOf(BareHeaderEnd);
        if (crlf < 0 && lf < 0)
        {
            return -1;
        }

        return crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + HeaderEnd.Length : lf + BareHeaderEnd.Length;
    }

    /// <summary>The Content-Length value; null (with <see cref="error"/> set) when missing or malformed.</summary>
    private int? DeclaredLength(ReadOnlySpan<byte> head)
    {
        int start = 0;
        while (start < head.Length)
        {
            int end = Lines.ContentEnd(head, start, out int next);
            string line = Tokens.Utf8(head[start..end]);
            start = next;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && IsContentLength(line[..colon].Trim()))
            {
                return Tokens.TryParseSmallNumber(line[(colon + 1)..].Trim(), out int length) ? length : Refuse("bad Content-Length");
            }
        }

        return Refuse("missing Content-Length");
    }

    private static bool IsContentLength(string name) =>
        string.Equals(SipHeaderNames.Expand(name), SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase);

    private int? Refuse(string reason)
    {
        error = reason;
        return null;
    }

    private void Consume(int length)
    {
        buffer.AsSpan(length, count - length).CopyTo(buffer);
        count -= length;
    }
}
