namespace Calltrail.Recorder.Sip;

/// <summary>Builds an outgoing request (the BYE the recorder sends when it ends a recording session).</summary>
public sealed class SipRequest
{
    private readonly string method;
    private readonly string requestUri;
    private readonly List<SipHeader> headers = [];
    private string? contentType;
    private ReadOnlyMemory<byte> body;

    public SipRequest(string method, string requestUri)
    {
        this.method = method;
        this.requestUri = requestUri;
    }

    public SipRequest WithHeader(string name, string value)
    {
        headers.Add(new SipHeader(name, value));
        return this;
    }

    public SipRequest WithBody(string bodyContentType, ReadOnlyMemory<byte> bodyBytes)
    {
        contentType = bodyContentType;
        body = bodyBytes;
        return this;
    }

    public byte[] ToBytes() =>
        SipWriter.Write(SipWriter.Clean($"{method} {requestUri} SIP/2.0"), headers, contentType, body);
}
