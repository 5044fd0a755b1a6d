namespace Calltrail.Recorder.Audio;

/// <summary>
/// G.711 companding between 8-bit codes and 16-bit linear PCM. Decoding is a table look-up (built once);
/// encoding is computed, since only tests and test tones need it.
/// </summary>
public static class G711
{
    /// <summary>RFC 3551 §6 fixes G.711 at 8000 samples per second, one byte per sample.</summary>
    public const int SampleRate = 8000;

    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawByFormula);
    private static readonly short[] ALawTable = BuildTable(DecodeALawByFormula);

    /// <summary>The law of RTP's static payload types (RFC 3551 §6): 0 is PCMU, 8 is PCMA.</summary>
    public static bool TryLawOfStaticPayloadType(int payloadType, out G711Law law)
    {
        law = payloadType == 8 ? G711Law.ALaw : G711Law.MuLaw;
        return payloadType is 0 or 8;
    }

    public static short DecodeMuLaw(byte code) => MuLawTable[code];

    public static short DecodeALaw(byte code) => ALawTable[code];

    /// <summary>Decodes every byte of the payload into the start of <paramref name="pcm"/>, which must be at least as long.</summary>
    public static void Decode(ReadOnlySpan<byte> payload, Span<short> pcm, G711Law law)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pcm.Length, payload.Length, nameof(pcm));
        var table = law == G711Law.ALaw ? ALawTable : MuLawTable;
        for (var i = 0; i < payload.Length; i++)
        {
            pcm[i] = table[payload[i]];
        }
    }

    /// <summary>Encodes every sample into the start of <paramref name="codes"/>, which must be at least as long.</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> codes, G711Law law)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, pcm.Length, nameof(codes));
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = law == G711Law.ALaw ? EncodeALaw(pcm[i]) : EncodeMuLaw(pcm[i]);
        }
    }

    /// <summary>
    /// µ-law: magnitude plus a bias of 132 puts a 1 in one of bits 7–14; its position is the segment,
    /// the four bits below it the step. The code is stored with every bit inverted.
    /// </summary>
    public static byte EncodeMuLaw(short sample)
    {
        const int bias = 0x84;
        const int clip = 32635; // the largest magnitude that still fits in 15 bits once biased
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), clip) + bias;
        var segment = HighestBit(magnitude) - 7;
        var step = (magnitude >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | step);
    }

    /// <summary>
    /// A-law works on 13 bits: segment 0 holds magnitudes below 32 in steps of 2, segment s above that
    /// covers [2^(s+4), 2^(s+5)). Negative samples use one's complement, and even bits are inverted (XOR 0x55).
    /// </summary>
    public static byte EncodeALaw(short sample)
    {
        var positive = sample >= 0;
        var magnitude = (positive ? sample : ~sample) >> 3;
        var segment = magnitude < 32 ? 0 : HighestBit(magnitude) - 4;
        var step = segment == 0 ? magnitude >> 1 : (magnitude >> segment) & 0x0F;
        var code = (segment << 4) | step | (positive ? 0x80 : 0);
        return (byte)(code ^ 0x55);
    }

    private static short DecodeMuLawByFormula(byte code)
    {
        var inverted = ~code & 0xFF;
        var segment = (inverted >> 4) & 0x07;
        var step = inverted & 0x0F;
        var magnitude = (((step << 3) + 0x84) << segment) - 0x84;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    // The decoded value is the middle of the step's interval, in 16-bit units.
    private static short DecodeALawByFormula(byte code)
    {
        var plain = code ^ 0x55;
        var segment = (plain >> 4) & 0x07;
        var step = plain & 0x0F;
        var magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
        return (short)((plain & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static int HighestBit(int value) => 31 - int.LeadingZeroCount(value);

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = decode((byte)code);
        }

        return table;
    }
}
