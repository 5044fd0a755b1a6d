using System.Buffers.Binary;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Rtp;

namespace Calltrail.Recorder.Fuzz;

/// <summary>What arrives on an RTP port: datagrams from anyone, in any order.</summary>
public static class MediaTargets
{
    /// <summary>
    /// The input is a run of datagrams, each after a 2-byte big-endian length (the last one takes what is
    /// left), so the fuzzer can vary one packet and the sequence/timestamp arithmetic across packets. Each
    /// goes the way CallRecording takes it: header, payload, telephone-event, G.711 and the stream clock.
    /// </summary>
    public static bool Rtp(byte[] data)
    {
        var clock = new StreamClock();
        Span<short> pcm = stackalloc short[1600];
        ReadOnlySpan<byte> rest = data;
        bool anyAccepted = false;
        for (long arrival = 0; rest.Length > 0; arrival += 160)
        {
            int length = rest.Length >= 2 ? Math.Min(BinaryPrimitives.ReadUInt16BigEndian(rest), rest.Length - 2) : rest.Length;
            ReadOnlySpan<byte> datagram = rest.Length >= 2 ? rest.Slice(2, length) : rest;
            rest = rest[(rest.Length >= 2 ? 2 + length : rest.Length)..];

            _ = RtpPacket.IsRtcp(datagram);
            if (!RtpPacket.TryParse(datagram, out RtpHeader header))
            {
                continue;
            }

            anyAccepted = true;
            ReadOnlySpan<byte> payload = header.PayloadOf(datagram);
            _ = TelephoneEvent.TryParse(payload, out _);
            payload = payload[..Math.Min(payload.Length, pcm.Length)];
            G711.Decode(payload, pcm, G711.TryLawOfStaticPayloadType(header.PayloadType, out G711Law law) ? law : G711Law.MuLaw);
            _ = clock.TryPlace(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival, out _);
        }

        return anyAccepted;
    }
}
