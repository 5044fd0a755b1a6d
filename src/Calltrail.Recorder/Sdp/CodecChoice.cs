namespace Calltrail.Recorder.Sdp;

/// <summary>
/// Picks what the recorder can decode from an audio offer: the first PCMU or PCMA in the offer's order (the
/// offerer's preference, RFC 3264 §6.1), plus telephone-event/8000 when offered.
/// </summary>
internal static class CodecChoice
{
    public static (RtpPayloadKind Kind, int PayloadType)? Codec(MediaDescription offer)
    {
        foreach (int payloadType in offer.PayloadTypes)
        {
            SdpRtpMap? map = offer.RtpMapFor(payloadType);
            if (map is null || map.ClockRate != 8000 || map.Channels != 1)
            {
                continue;
            }

            if (map.EncodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
            {
                return (RtpPayloadKind.Pcmu, payloadType);
            }

            if (map.EncodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase))
            {
                return (RtpPayloadKind.Pcma, payloadType);
            }
        }

        return null;
    }

    public static int? TelephoneEvent(MediaDescription offer)
    {
        foreach (int payloadType in offer.PayloadTypes)
        {
            SdpRtpMap? map = offer.RtpMapFor(payloadType);
            if (map is not null && map.ClockRate == 8000 && map.EncodingName.Equals("telephone-event", StringComparison.OrdinalIgnoreCase))
            {
                return payloadType;
            }
        }

        return null;
    }
}
