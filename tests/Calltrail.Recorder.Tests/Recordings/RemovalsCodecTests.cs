using Calltrail.Recorder.Recordings;
using CsCheck;

namespace Calltrail.Recorder.Tests.Recordings;

/// <summary>The removals record's payload: what is written reads back, and no bytes make the reader throw.</summary>
public sealed class RemovalsCodecTests
{
    private static readonly Gen<Removal> AnyRemoval =
        Gen.Select(Gen.Long[0, 1L << 40], Gen.Long[1, 1L << 30], Gen.OneOf(Gen.Const("payment-screen"), Gen.Const("person"), Gen.Const("recording-client"), Gen.Const("not-recorded"), Gen.Const("ü-cause")),
                Gen.Bool, Gen.Long[0, uint.MaxValue], Gen.Long[0, uint.MaxValue], Gen.Bool)
            .Select((from, length, cause, redacted, late, frames, open) =>
                new Removal(from, open ? Removal.Open : from + length, cause, redacted, late, frames));

    [Fact]
    public void EncodeThenDecode_GivesBackEveryRemoval() =>
        AnyRemoval.List[0, 40].Sample(removals =>
        {
            var payload = new byte[RecordingLayout.MaxPayload(2)];
            var length = RemovalsCodec.Encode(removals, payload);

            Assert.Equal(removals, RemovalsCodec.Decode(payload.AsSpan(0, length)));
        });

    [Fact]
    public void Encode_WhatDoesNotFit_IsLeftOutWholeAndTheRestReads()
    {
        var many = Enumerable.Range(0, 2000).Select(i => new Removal(i * 10L, (i * 10L) + 5, "payment-screen")).ToList();
        var payload = new byte[RecordingLayout.MaxPayload(1)];

        var length = RemovalsCodec.Encode(many, payload);
        var read = RemovalsCodec.Decode(payload.AsSpan(0, length))!;

        Assert.InRange(read.Count, 1, many.Count - 1);
        Assert.Equal(many.Take(read.Count), read);
    }

    [Fact]
    public void Decode_AnyBytes_ReadsOrRefusesWithoutThrowing() =>
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            if (RemovalsCodec.Decode(bytes) is { } removals)
            {
                Assert.All(removals, r => Assert.True(r.FromFrame >= 0 && r.ToFrame > r.FromFrame));
            }
        });
}
