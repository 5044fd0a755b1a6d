using System.Buffers.Binary;

namespace Calltrail.Recorder.Rtp;

/// <summary>
/// One RFC 4733 telephone-event (DTMF and other tones): event code, end-of-event bit, volume in −dBm0
/// (0–63) and duration in timestamp units. The recorder never records these as audio; it only has to
/// tell them apart from audio packets.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Size = 4;

    /// <summary>DTMF digits 0–9, *, #, A–D are events 0–15 (RFC 4733 §3.2).</summary>
    public bool IsDtmf => Event <= 15;

    /// <summary>
    /// Reads the first event of a telephone-event payload. A payload may carry several 4-byte events
    /// (§2.5.1.5), so a length that is not a multiple of 4 is malformed. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        telephoneEvent = default;
        if (payload.Length < Size || payload.Length % Size != 0)
        {
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            Event: payload[0],
            End: (payload[1] & 0x80) != 0,
            Volume: (byte)(payload[1] & 0x3F),
            Duration: BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }
}
