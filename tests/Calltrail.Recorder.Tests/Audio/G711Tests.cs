using Calltrail.TestKit.Audio;
using Calltrail.Recorder.Audio;
using CsCheck;

namespace Calltrail.Recorder.Tests.Audio;

public class G711Tests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xEF, 132)]
    [InlineData(0xF0, 120)]
    public void DecodeMuLaw_KnownCodes_GiveTheTableValues(int code, int expected) =>
        Assert.Equal(expected, G711.DecodeMuLaw((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]
    public void DecodeALaw_KnownCodes_GiveTheTableValues(int code, int expected) =>
        Assert.Equal(expected, G711.DecodeALaw((byte)code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void EncodeMuLaw_Extremes_GiveTheEndCodes(int sample, int expected) =>
        Assert.Equal(expected, G711.EncodeMuLaw((short)sample));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void EncodeALaw_Extremes_GiveTheEndCodes(int sample, int expected) =>
        Assert.Equal(expected, G711.EncodeALaw((short)sample));

    [Fact]
    public void EncodeMuLaw_EveryCode_RoundTripsExceptNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            var expected = code == 0x7F ? 0xFF : code; // −0 and +0 decode alike; +0 is the one encoded
            Assert.Equal(expected, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
        }
    }

    [Fact]
    public void EncodeALaw_EveryCode_RoundTrips()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Decode_AnySample_StaysWithinTheQuantisationStep(G711Law law) =>
        Gen.Short.Sample(sample =>
        {
            var decoded = RoundTrip(sample, law);

            // The widest step is 1024 (µ-law top segment) plus the clip at 32635 for µ-law.
            Assert.InRange(Math.Abs(decoded - sample), 0, Math.Abs((int)sample) > 32124 ? 1024 + 644 : 1024);
            Assert.True(sample == 0 || decoded == 0 || Math.Sign(decoded) == Math.Sign(sample) || Math.Abs((int)sample) < 16);
        });

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Decode_IsMonotonic(G711Law law)
    {
        var previous = RoundTrip(short.MinValue, law);
        for (int sample = short.MinValue + 1; sample <= short.MaxValue; sample++)
        {
            var decoded = RoundTrip((short)sample, law);
            Assert.True(decoded >= previous, $"{sample} decoded to {decoded}, below {previous}");
            previous = decoded;
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Decode_Span_MatchesTheSingleCodeDecoders(G711Law law)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var pcm = new short[300];

        G711.Decode(codes, pcm, law);

        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(law == G711Law.ALaw ? G711.DecodeALaw(codes[i]) : G711.DecodeMuLaw(codes[i]), pcm[i]);
        }

        Assert.All(pcm[256..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Decode_PcmShorterThanPayload_IsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => G711.Decode(new byte[10], new short[9], G711Law.MuLaw));

    [Theory]
    [InlineData(0, true, G711Law.MuLaw)]
    [InlineData(8, true, G711Law.ALaw)]
    [InlineData(18, false, G711Law.MuLaw)]
    [InlineData(101, false, G711Law.MuLaw)]
    public void TryLawOfStaticPayloadType_KnowsPcmuAndPcma(int payloadType, bool known, G711Law law)
    {
        Assert.Equal(known, G711.TryLawOfStaticPayloadType(payloadType, out var found));
        if (known)
        {
            Assert.Equal(law, found);
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Encode_ThenDecode_KeepsA1kHzToneAt1kHz(G711Law law)
    {
        var tone = ToneDetector.Sine(1000, 8000, 800);
        var codes = new byte[tone.Length];
        var decoded = new short[tone.Length];

        G711.Encode(tone, codes, law);
        G711.Decode(codes, decoded, law);

        var at1k = ToneDetector.Power(decoded, 1000, 8000);
        Assert.InRange(at1k, 0.05, 0.07); // amplitude 0.5 → 0.0625
        Assert.True(ToneDetector.Power(decoded, 1500, 8000) < at1k / 1000);
    }

    private static int RoundTrip(short sample, G711Law law) =>
        law == G711Law.ALaw ? G711.DecodeALaw(G711.EncodeALaw(sample)) : G711.DecodeMuLaw(G711.EncodeMuLaw(sample));
}
