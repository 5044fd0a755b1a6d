using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sdp;

/// <summary>The fields of an m= line: <c>media port[/count] proto fmt…</c> (RFC 4566 §5.14).</summary>
internal sealed record MediaLine(string Media, int Port, int PortCount, string Protocol, IReadOnlyList<string> Formats, IReadOnlyList<int> PayloadTypes)
{
    public static MediaLine? Parse(string value, out string? error)
    {
        string[] fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4)
        {
            error = "expected media, port, protocol and formats";
            return null;
        }

        if (!TryParsePort(fields[1], out int port, out int count))
        {
            error = "bad port";
            return null;
        }

        string[] formats = fields[3..];
        bool rtp = fields[2].StartsWith("RTP/", StringComparison.OrdinalIgnoreCase);
        List<int> payloadTypes = [];
        foreach (string format in rtp ? formats : [])
        {
            if (!Tokens.TryParseSmallNumber(format, out int payloadType) || payloadType > 127)
            {
                error = $"bad payload type '{format}'";
                return null;
            }

            payloadTypes.Add(payloadType);
        }

        error = null;
        return new MediaLine(fields[0], port, count, fields[2], formats, payloadTypes);
    }

    private static bool TryParsePort(string text, out int port, out int count)
    {
        count = 1;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        bool countOk = slash < 0 || (Tokens.TryParseSmallNumber(text.AsSpan(slash + 1), out count) && count > 0);
        return Tokens.TryParseSmallNumber(slash < 0 ? text : text[..slash], out port) && port <= 65535 && countOk;
    }
}
