using System.Text;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Multipart;

/// <summary>
/// Splits a multipart body (RFC 2046 §5.1.1): preamble, <c>--boundary</c> delimiter lines (trailing white space
/// allowed), parts, the <c>--boundary--</c> close delimiter, epilogue. CRLF or bare LF. Never throws.
/// </summary>
public static class MultipartParser
{
    public const int MaxParts = 16;
    public const int MaxBoundaryLength = 70;

    public static ParseResult<IReadOnlyList<MimePart>> Parse(ReadOnlyMemory<byte> body, string? boundary)
    {
        string? boundaryError = CheckBoundary(boundary);
        if (boundaryError is not null)
        {
            return ParseResult<IReadOnlyList<MimePart>>.Fail(boundaryError);
        }

        byte[] dashBoundary = Encoding.UTF8.GetBytes("--" + boundary);
        List<Range> ranges = [];
        string? error = FindParts(body.Span, dashBoundary, ranges);
        return error is null ? ReadParts(body, ranges) : ParseResult<IReadOnlyList<MimePart>>.Fail(error);
    }

    private static string? CheckBoundary(string? boundary)
    {
        if (string.IsNullOrEmpty(boundary))
        {
            return "no boundary";
        }

        if (boundary.Length > MaxBoundaryLength)
        {
            return $"boundary longer than {MaxBoundaryLength} characters";
        }

        return boundary.Contains('\r', StringComparison.Ordinal) || boundary.Contains('\n', StringComparison.Ordinal)
            ? "bad boundary"
            : null;
    }

    /// <summary>Finds each part's byte range between delimiter lines; the line break before a delimiter belongs to it.</summary>
    private static string? FindParts(ReadOnlySpan<byte> data, byte[] dashBoundary, List<Range> ranges)
    {
        int partStart = -1;
        int lineStart = 0;
        while (lineStart < data.Length)
        {
            int end = Lines.ContentEnd(data, lineStart, out int next);
            Delimiter kind = Classify(data[lineStart..end], dashBoundary);
            if (kind != Delimiter.None && partStart >= 0)
            {
                ranges.Add(new Range(partStart, Math.Max(partStart, BeforeLineBreak(data, lineStart))));
                if (ranges.Count > MaxParts)
                {
                    return $"more than {MaxParts} parts";
                }
            }

            if (kind == Delimiter.Close)
            {
                return ranges.Count == 0 ? "no parts" : null;
            }

            partStart = kind == Delimiter.Open ? next : partStart;
            lineStart = next;
        }

        return partStart < 0 ? "no delimiter line for the boundary" : "no close delimiter";
    }

    private static int BeforeLineBreak(ReadOnlySpan<byte> data, int lineStart)
    {
        int end = lineStart - 1;
        return end > 0 && data[end - 1] == (byte)'\r' ? end - 1 : end;
    }

    private static Delimiter Classify(ReadOnlySpan<byte> line, byte[] dashBoundary)
    {
        if (!line.StartsWith(dashBoundary))
        {
            return Delimiter.None;
        }

        ReadOnlySpan<byte> rest = line[dashBoundary.Length..];
        if (Lines.IsBlank(rest))
        {
            return Delimiter.Open;
        }

        return rest.StartsWith("--"u8) && Lines.IsBlank(rest[2..]) ? Delimiter.Close : Delimiter.None;
    }

    private static ParseResult<IReadOnlyList<MimePart>> ReadParts(ReadOnlyMemory<byte> body, List<Range> ranges)
    {
        var parts = new List<MimePart>();
        foreach (Range range in ranges)
        {
            MimePart? part = ReadPart(body[range], out string? error);
            if (part is null)
            {
                return ParseResult<IReadOnlyList<MimePart>>.Fail($"part {parts.Count + 1}: {error}");
            }

            parts.Add(part);
        }

        return ParseResult<IReadOnlyList<MimePart>>.Ok(parts);
    }

    /// <summary>Headers up to the first empty line, then the body; a part without an empty line is all headers.</summary>
    private static MimePart? ReadPart(ReadOnlyMemory<byte> part, out string? error)
    {
        ReadOnlySpan<byte> data = part.Span;
        int headersEnd = data.Length;
        int bodyStart = data.Length;
        for (int lineStart = 0; lineStart < data.Length;)
        {
            int end = Lines.ContentEnd(data, lineStart, out int next);
            if (end == lineStart)
            {
                (headersEnd, bodyStart) = (lineStart, next);
                break;
            }

            lineStart = next;
        }

        var headers = new List<SipHeader>();
        HeaderFailure? failure = HeaderBlock.Read(data[..headersEnd], headers, expandCompactNames: false);
        error = failure?.Reason;
        return failure is null ? new MimePart(new SipHeaders(headers), part[bodyStart..]) : null;
    }

    private enum Delimiter
    {
        None,
        Open,
        Close,
    }
}
