using System.Text;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Multipart;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Siprec;

namespace Calltrail.Recorder.Sessions;

/// <summary>
/// What a recording client offers in an INVITE or re-INVITE: the SDP with its forked streams, the
/// SIPREC metadata, and the ids that may name the service's call.
/// </summary>
public sealed record SessionOffer(SessionDescription Sdp, RecordingMetadata? Metadata, IReadOnlyList<string> CallIds)
{
    /// <summary>An explicit call id for clients that can add a header but not metadata (a proxy, a test tool).</summary>
    public const string CallIdHeader = "X-Calltrail-Call-Id";

    /// <summary>Reads the offer, or says why it cannot be used (malformed body → 400/415, nothing to record → 488).</summary>
    public static (SessionOffer? Offer, SipRefusal? Refusal) Read(SipMessage request)
    {
        var parts = SiprecBody.Split(request.ContentType, request.Body);
        if (!parts.IsSuccess)
        {
            return (null, request.ContentType is { IsMultipart: false } type && type.MediaType != SiprecBody.SdpType
                ? SipRefusal.UnsupportedMediaType($"Content-Type {type.MediaType}: the recorder accepts application/sdp or multipart/mixed with SDP and rs-metadata")
                : SipRefusal.BadRequest($"body: {parts.Error}"));
        }

        if (parts.Value.Sdp is not { } sdpBytes)
        {
            return (null, SipRefusal.BadRequest("no SDP offer in the body (an offerless INVITE is not supported)"));
        }

        var sdp = SessionDescription.Parse(Encoding.UTF8.GetString(sdpBytes.Span));
        if (!sdp.IsSuccess)
        {
            return (null, SipRefusal.BadRequest($"SDP: {sdp.Error}"));
        }

        RecordingMetadata? metadata = null;
        if (parts.Value.Metadata is { } metadataBytes)
        {
            var parsed = RecordingMetadata.Parse(metadataBytes);
            if (!parsed.IsSuccess)
            {
                return (null, SipRefusal.BadRequest($"recording metadata: {parsed.Error}"));
            }

            metadata = parsed.Value;
        }

        var ids = new List<string>();
        if (request.Header(CallIdHeader) is { Length: > 0 } explicitId)
        {
            ids.Add(explicitId.Trim());
        }

        ids.AddRange(metadata?.CallIdCandidates ?? []);
        return (new SessionOffer(sdp.Value, metadata, [.. ids.Distinct(StringComparer.Ordinal)]), null);
    }

    /// <summary>An offered stream the recorder takes (and gives a port): G.711 audio over RTP, not refused by its sender.</summary>
    public static bool Recordable(MediaDescription media) =>
        media.Media == "audio" && media.IsRtp && media.Port != 0 && AudioPayloads(media).Count > 0;

    /// <summary>Every G.711 payload type the offer lists for a stream (a client may switch between those it offered).</summary>
    public static Dictionary<int, G711Law> AudioPayloads(MediaDescription media)
    {
        var laws = new Dictionary<int, G711Law>();
        foreach (var pt in media.PayloadTypes)
        {
            var map = media.RtpMapFor(pt);
            if (map is { ClockRate: 8000 } && map.EncodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
            {
                laws[pt] = G711Law.MuLaw;
            }
            else if (map is { ClockRate: 8000 } && map.EncodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase))
            {
                laws[pt] = G711Law.ALaw;
            }
        }

        return laws;
    }
}
