using System.Globalization;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// Builds a response to a request as RFC 3261 §8.2.6.2 asks: every Via in order, From, To (with our tag
/// when it has none), Call-ID and CSeq copied; then extra headers and an optional body.
/// </summary>
public sealed class SipResponse
{
    private readonly int statusCode;
    private readonly string reasonPhrase;
    private readonly List<SipHeader> copied;
    private readonly List<SipHeader> extra = [];
    private string? toTag;
    private string? contentType;
    private ReadOnlyMemory<byte> body;

    private SipResponse(int statusCode, string reasonPhrase, IEnumerable<SipHeader> requestHeaders)
    {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        copied = [.. CopiedHeaders(requestHeaders)];
    }

    public static SipResponse To(SipMessage request, int statusCode, string reasonPhrase) =>
        new(statusCode, reasonPhrase, request.Headers);

    /// <summary>The reply to a refused request, with the error's status and reason; null when it cannot be answered.</summary>
    public static SipResponse? ToError(SipParseError error) =>
        error.CanReply ? new SipResponse(error.StatusCode, error.Reason, error.ReplyHeaders) : null;

    /// <summary>Adds <c>;tag=</c> to To unless the request's To already carries one (an in-dialog request).</summary>
    public SipResponse WithToTag(string tag)
    {
        toTag = tag;
        return this;
    }

    public SipResponse WithHeader(string name, string value)
    {
        extra.Add(new SipHeader(name, value));
        return this;
    }

    public SipResponse WithBody(string bodyContentType, ReadOnlyMemory<byte> bodyBytes)
    {
        contentType = bodyContentType;
        body = bodyBytes;
        return this;
    }

    public byte[] ToBytes()
    {
        string startLine = $"SIP/2.0 {statusCode.ToString(CultureInfo.InvariantCulture)} {reasonPhrase}";
        return SipWriter.Write(SipWriter.Clean(startLine), copied.Select(TagTo).Concat(extra), contentType, body);
    }

    private SipHeader TagTo(SipHeader header)
    {
        bool isTo = string.Equals(header.Name, SipHeaderNames.To, StringComparison.OrdinalIgnoreCase);
        return isTo && toTag is not null && SipParameters.Tag(header.Value) is null
            ? header with { Value = $"{header.Value};tag={toTag}" }
            : header;
    }

    private static IEnumerable<SipHeader> CopiedHeaders(IEnumerable<SipHeader> headers)
    {
        List<SipHeader> all = [.. headers];
        IEnumerable<SipHeader> vias = all.Where(h => Is(h, SipHeaderNames.Via));
        string[] singles = [SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq];
        return vias.Concat(singles.Select(n => all.Find(h => Is(h, n))).OfType<SipHeader>());
    }

    private static bool Is(SipHeader header, string name) =>
        string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
