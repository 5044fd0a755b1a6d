using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Multipart;

/// <summary>Finds the SDP and the recording metadata in a request body, multipart or plain SDP.</summary>
public static class SiprecBody
{
    public const string SdpType = "application/sdp";
    public const string MetadataType = "application/rs-metadata+xml";

    /// <summary>
    /// The first <c>application/sdp</c> part and the first <c>application/rs-metadata+xml</c> part, whatever their
    /// Content-Disposition says (SRCs disagree on it); a plain SDP body is the SDP alone.
    /// </summary>
    public static ParseResult<SiprecBodyParts> Split(SipContentType? contentType, ReadOnlyMemory<byte> body)
    {
        if (contentType is null)
        {
            return body.IsEmpty
                ? ParseResult<SiprecBodyParts>.Ok(new SiprecBodyParts(null, null))
                : ParseResult<SiprecBodyParts>.Fail("body without a Content-Type");
        }

        if (contentType.MediaType == SdpType)
        {
            return ParseResult<SiprecBodyParts>.Ok(new SiprecBodyParts(body, null));
        }

        if (!contentType.IsMultipart)
        {
            return ParseResult<SiprecBodyParts>.Fail($"unsupported Content-Type '{contentType.MediaType}'");
        }

        ParseResult<IReadOnlyList<MimePart>> parts = MultipartParser.Parse(body, contentType.Boundary);
        return parts.IsSuccess
            ? ParseResult<SiprecBodyParts>.Ok(new SiprecBodyParts(Find(parts.Value, SdpType), Find(parts.Value, MetadataType)))
            : ParseResult<SiprecBodyParts>.Fail(parts.Error);
    }

    private static ReadOnlyMemory<byte>? Find(IReadOnlyList<MimePart> parts, string mediaType) =>
        parts.FirstOrDefault(p => p.ContentType?.MediaType == mediaType)?.Body;
}
