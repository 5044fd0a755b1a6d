namespace Calltrail.Recorder.Sdp;

/// <summary>How one offered m= section was answered, and what the recorder needs to receive it.</summary>
public sealed record AnsweredMedia(
    int Index,
    string Media,
    bool Accepted,
    int LocalPort,
    string? Label,
    SdpDirection OfferDirection,
    SdpDirection AnswerDirection,
    RtpPayloadKind? Codec,
    int? CodecPayloadType,
    int? TelephoneEventPayloadType,
    SdpConnection? RemoteConnection,
    int RemotePort)
{
    /// <summary>Payload type to kind for every payload type the answer accepted.</summary>
    public IReadOnlyDictionary<int, RtpPayloadKind> Payloads
    {
        get
        {
            var payloads = new Dictionary<int, RtpPayloadKind>();
            if (CodecPayloadType is int codecType && Codec is RtpPayloadKind codec)
            {
                payloads[codecType] = codec;
            }

            if (TelephoneEventPayloadType is int eventType)
            {
                payloads[eventType] = RtpPayloadKind.TelephoneEvent;
            }

            return payloads;
        }
    }
}
