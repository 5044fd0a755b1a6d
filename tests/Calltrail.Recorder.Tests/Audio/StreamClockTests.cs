using Calltrail.Recorder.Audio;
using CsCheck;

namespace Calltrail.Recorder.Tests.Audio;

public class StreamClockTests
{
    private const uint Ssrc = 0xABCD;

    // Each packet: (sequence, timestamp, arrival frame) → expected position, or -1 when refused.
    [Theory]
    [InlineData("in order", new long[] { 1, 1000, 500, 2, 1160, 660, 3, 1320, 820 }, new long[] { 500, 660, 820 })]
    [InlineData("reordered", new long[] { 1, 1000, 500, 3, 1320, 820, 2, 1160, 830 }, new long[] { 500, 820, 660 })]
    [InlineData("duplicate", new long[] { 1, 1000, 500, 2, 1160, 660, 2, 1160, 700 }, new long[] { 500, 660, 660 })]
    [InlineData("lost packet leaves a gap", new long[] { 1, 1000, 500, 3, 1320, 820 }, new long[] { 500, 820 })]
    [InlineData("jitter within the threshold", new long[] { 1, 1000, 500, 2, 1160, 8000 }, new long[] { 500, 660 })]
    [InlineData("timestamp wraps", new long[] { 1, 4294967136, 100, 2, 0, 260, 3, 160, 420 }, new long[] { 100, 260, 420 })]
    [InlineData("reordered across the wrap", new long[] { 1, 4294967136, 100, 3, 160, 420, 2, 0, 425 }, new long[] { 100, 420, 260 })]
    [InlineData("before the recording start", new long[] { 2, 1160, 0, 1, 1000, 5 }, new long[] { 0, -1 })]
    public void TryPlace_Packets_LandOnTheirFrames(string situation, long[] packets, long[] expected)
    {
        var clock = new StreamClock();

        var placed = Place(clock, Ssrc, packets);

        Assert.True(expected.SequenceEqual(placed), $"{situation}: {string.Join(", ", placed)}");
        Assert.Equal(0, clock.Reanchors);
    }

    [Theory]
    [InlineData(8001)]
    [InlineData(-8001)]
    [InlineData(1_000_000)]
    [InlineData(-2_000_000_000)]
    public void TryPlace_TimestampJumpBeyondTheThreshold_AnchorsAtArrival(long jump)
    {
        var clock = new StreamClock();
        clock.TryPlace(Ssrc, 1, 100_000, 16_000, out _);

        Assert.True(clock.TryPlace(Ssrc, 2, (uint)(100_160 + jump), 16_160, out var position));
        Assert.True(clock.TryPlace(Ssrc, 3, (uint)(100_320 + jump), 16_330, out var next));

        Assert.Equal(16_160, position);
        Assert.Equal(16_320, next);
        Assert.Equal(1, clock.Reanchors);
    }

    [Fact]
    public void TryPlace_JumpWithinAConfiguredThreshold_IsFollowed()
    {
        var clock = new StreamClock(jumpThresholdFrames: 20_000);
        clock.TryPlace(Ssrc, 1, 0, 0, out _);

        clock.TryPlace(Ssrc, 2, 16_000, 160, out var position);

        Assert.Equal(16_000, position);
        Assert.Equal(0, clock.Reanchors);
    }

    [Fact]
    public void TryPlace_NewSsrc_AnchorsAtArrival()
    {
        var clock = new StreamClock();
        clock.TryPlace(Ssrc, 1, 1000, 0, out _);

        clock.TryPlace(Ssrc + 1, 1, 1160, 400, out var position);

        Assert.Equal(400, position);
        Assert.Equal(1, clock.Reanchors);
    }

    [Fact]
    public void TryPlace_LatePacketFromBeforeAJump_IsRefusedWithoutReanchoringBack()
    {
        var clock = new StreamClock();
        clock.TryPlace(Ssrc, 10, 1000, 0, out _);
        clock.TryPlace(Ssrc, 12, 900_000, 320, out _);

        var placed = clock.TryPlace(Ssrc, 11, 1160, 330, out _);
        clock.TryPlace(Ssrc, 13, 900_160, 480, out var next);

        Assert.False(placed);
        Assert.Equal(480, next);
        Assert.Equal(1, clock.Reanchors);
        Assert.Equal(1, clock.Refused);
        Assert.Equal(4, clock.Packets);
    }

    [Fact]
    public void TryPlace_SenderRestartWithSequenceFarBack_Reanchors()
    {
        var clock = new StreamClock();
        clock.TryPlace(Ssrc, 30_000, 1000, 0, out _);

        Assert.True(clock.TryPlace(Ssrc, 5, 77_777_777, 9_000, out var position));

        Assert.Equal(9_000, position);
        Assert.Equal(1, clock.Reanchors);
    }

    [Fact]
    public void TryPlace_DayLongStreamAcrossManyWraps_StaysOnItsFrames()
    {
        var clock = new StreamClock();
        const long packets = 3L * 86_400 * 50; // three days of 20 ms packets
        uint timestamp = 4_000_000_000;
        for (long i = 0; i < packets; i += 997)
        {
            Assert.True(clock.TryPlace(Ssrc, (ushort)i, timestamp + (uint)(i * 160), i * 160, out var position));
            Assert.Equal(i * 160, position);
        }

        Assert.Equal(0, clock.Reanchors);
    }

    [Fact]
    public void TryPlace_AnyOrderOfAStream_PlacesEveryPacketAtItsTimestamp() =>
        Gen.Int[0, 200].Array[1, 60].Select(Gen.UInt).Sample((order, start) =>
        {
            var clock = new StreamClock();
            var first = order[0];
            clock.TryPlace(Ssrc, (ushort)first, start + (uint)(first * 160), 100_000 + (first * 160), out var anchor);
            foreach (var n in order)
            {
                Assert.True(clock.TryPlace(Ssrc, (ushort)n, start + (uint)(n * 160), 100_000 + (n * 160) + 400, out var position));
                Assert.Equal(anchor + ((n - first) * 160), position);
            }
        });

    private static long[] Place(StreamClock clock, uint ssrc, long[] packets) =>
        [.. packets.Chunk(3).Select(p => clock.TryPlace(ssrc, (ushort)p[0], (uint)p[1], p[2], out var position) ? position : -1)];
}
