using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Multipart;

/// <summary>One body part of a multipart body: its headers and its bytes (a slice of the whole body, not a copy).</summary>
public sealed class MimePart
{
    internal MimePart(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
        ContentType = SipContentType.Parse(headers.First("Content-Type"));
    }

    public SipHeaders Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Null when absent or malformed (RFC 2046 would then mean text/plain, which the recorder ignores).</summary>
    public SipContentType? ContentType { get; }

    public string? ContentDisposition => Headers.First("Content-Disposition");

    public string? ContentId => Headers.First("Content-ID");

    public override string ToString() => $"{ContentType?.MediaType ?? "(no type)"}, {Body.Length} bytes";
}
