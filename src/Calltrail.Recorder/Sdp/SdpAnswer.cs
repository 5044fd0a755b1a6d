using System.Globalization;
using System.Text;

namespace Calltrail.Recorder.Sdp;

/// <summary>
/// Answers an offer as a recorder (RFC 3264 §6, RFC 7866 §8.1): one m= line per offered one, in order; audio over
/// plain RTP with PCMU or PCMA is accepted as receive-only, everything else is rejected with port 0.
/// </summary>
public static class SdpAnswer
{
    /// <summary>
    /// <paramref name="localPorts"/>[i] is our RTP port for offered section i, or 0 to reject it; a missing or
    /// out-of-range entry also rejects. Never throws.
    /// </summary>
    public static SdpAnswerResult Create(SessionDescription offer, IReadOnlyList<int> localPorts, SdpAnswerOptions options)
    {
        string addressType = options.LocalAddress.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";
        var text = new StringBuilder();
        Line(text, "v=0");
        Line(text, $"o={options.UserName} {Number(options.SessionId)} {Number(options.SessionVersion)} IN {addressType} {options.LocalAddress}");
        Line(text, "s=-");
        Line(text, $"c=IN {addressType} {options.LocalAddress}");
        Line(text, "t=0 0");

        var answered = new List<AnsweredMedia>();
        for (int i = 0; i < offer.Media.Count; i++)
        {
            int port = i < localPorts.Count && localPorts[i] is > 0 and <= 65535 ? localPorts[i] : 0;
            AnsweredMedia media = Answer(i, offer.Media[i], port);
            answered.Add(media);
            WriteMedia(text, offer.Media[i], media);
        }

        return new SdpAnswerResult(text.ToString(), answered);
    }

    private static AnsweredMedia Answer(int index, MediaDescription offer, int localPort)
    {
        (RtpPayloadKind Kind, int PayloadType)? codec = CanAccept(offer) ? CodecChoice.Codec(offer) : null;
        bool accepted = codec is not null && localPort > 0;
        SdpDirection direction = offer.Direction is SdpDirection.SendOnly or SdpDirection.SendRecv
            ? SdpDirection.RecvOnly
            : SdpDirection.Inactive;
        return new AnsweredMedia(
            index,
            offer.Media,
            accepted,
            accepted ? localPort : 0,
            offer.Label,
            offer.Direction,
            accepted ? direction : SdpDirection.Inactive,
            accepted ? codec?.Kind : null,
            accepted ? codec?.PayloadType : null,
            accepted ? CodecChoice.TelephoneEvent(offer) : null,
            offer.Connection,
            offer.Port);
    }

    /// <summary>SRTP profiles are refused: answering them without keys would be invalid, and keys are not supported.</summary>
    private static bool CanAccept(MediaDescription offer) =>
        offer.Port > 0
        && offer.Media.Equals("audio", StringComparison.OrdinalIgnoreCase)
        && (offer.Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase) || offer.Protocol.Equals("RTP/AVPF", StringComparison.OrdinalIgnoreCase));

    private static void WriteMedia(StringBuilder text, MediaDescription offer, AnsweredMedia answer)
    {
        if (!answer.Accepted)
        {
            Line(text, $"m={offer.Media} 0 {offer.Protocol} {offer.Formats[0]}");
            WriteLabel(text, answer);
            return;
        }

        int codecType = answer.CodecPayloadType ?? 0;
        int? eventType = answer.TelephoneEventPayloadType;
        string formats = eventType is int e ? $"{Number(codecType)} {Number(e)}" : Number(codecType);
        Line(text, $"m={offer.Media} {Number(answer.LocalPort)} {offer.Protocol} {formats}");
        Line(text, $"a=rtpmap:{Number(codecType)} {(answer.Codec == RtpPayloadKind.Pcma ? "PCMA" : "PCMU")}/8000");
        if (eventType is int events)
        {
            Line(text, $"a=rtpmap:{Number(events)} telephone-event/8000");
            if (offer.Fmtps.TryGetValue(events, out string? fmtp))
            {
                Line(text, $"a=fmtp:{Number(events)} {fmtp}");
            }
        }

        Line(text, $"a={answer.AnswerDirection.ToString().ToLowerInvariant()}");
        WriteLabel(text, answer);
    }

    private static void WriteLabel(StringBuilder text, AnsweredMedia answer)
    {
        if (answer.Label is not null)
        {
            Line(text, $"a=label:{answer.Label}");
        }
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Offer values copied into the answer (label, fmtp) could hold a stray CR; it must not end a line.</summary>
    private static void Line(StringBuilder text, string line) => text.Append(line.Replace('\r', ' ')).Append("\r\n");
}
