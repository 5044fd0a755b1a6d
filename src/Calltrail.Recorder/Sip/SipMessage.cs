using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>
/// A parsed SIP request or response. Only <see cref="SipParser"/> makes one, so every instance has passed its
/// checks: the start line is valid and Via, From, To, Call-ID and a CSeq matching the method are present.
/// </summary>
public sealed class SipMessage
{
    private readonly Lazy<IReadOnlyList<string>> vias;

    internal SipMessage(SipStartLine startLine, SipHeaders headers, ReadOnlyMemory<byte> body, SipCSeq cseq)
    {
        IsRequest = startLine.IsRequest;
        Method = startLine.Method;
        RequestUri = startLine.RequestUri;
        StatusCode = startLine.StatusCode;
        ReasonPhrase = startLine.ReasonPhrase;
        Headers = headers;
        Body = body;
        CSeq = cseq;
        ContentType = SipContentType.Parse(headers.First(SipHeaderNames.ContentType));
        vias = new Lazy<IReadOnlyList<string>>(SplitVias);
    }

    public bool IsRequest { get; }

    /// <summary>The request method (case kept as sent); empty for responses.</summary>
    public string Method { get; }

    /// <summary>Empty for responses.</summary>
    public string RequestUri { get; }

    /// <summary>0 for requests.</summary>
    public int StatusCode { get; }

    /// <summary>Empty for requests.</summary>
    public string ReasonPhrase { get; }

    public SipHeaders Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public SipCSeq CSeq { get; }

    public string CallId => Headers.First(SipHeaderNames.CallId) ?? string.Empty;

    public string? FromTag => SipParameters.Tag(Headers.First(SipHeaderNames.From));

    public string? ToTag => SipParameters.Tag(Headers.First(SipHeaderNames.To));

    /// <summary>Every Via value, top first, with comma-joined values split into one entry each.</summary>
    public IReadOnlyList<string> Vias => vias.Value;

    public string? TopViaBranch => Vias.Count == 0 ? null : SipParameters.Branch(Vias[0]);

    /// <summary>Null when there is no Content-Type or it is not <c>type/subtype</c>.</summary>
    public SipContentType? ContentType { get; }

    /// <summary>The first value of a header, by full or compact name; null when absent.</summary>
    public string? Header(string name) => Headers.First(SipHeaderNames.Expand(name));

    public IReadOnlyList<string> HeaderValues(string name) => Headers.All(SipHeaderNames.Expand(name));

    private List<string> SplitVias() =>
        [.. Headers.All(SipHeaderNames.Via).SelectMany(v => Tokens.SplitOutsideQuotes(v, ','))];

    public override string ToString() => IsRequest ? $"{Method} {RequestUri}" : $"{StatusCode} {ReasonPhrase}";
}
