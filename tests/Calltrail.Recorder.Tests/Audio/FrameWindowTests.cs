using Calltrail.Recorder.Audio;
using CsCheck;

namespace Calltrail.Recorder.Tests.Audio;

public class FrameWindowTests
{
    [Theory]
    [InlineData(100, 0, 10, 0, 10, 0, 0)]
    [InlineData(100, 50, 10, 50, 60, 0, 0)]
    [InlineData(100, 95, 10, 95, 100, 0, 5)]
    [InlineData(100, 200, 10, 0, 0, 0, 10)]
    [InlineData(100, -5, 10, 0, 5, 5, 0)]
    [InlineData(4, -2, 10, 0, 4, 2, 4)]
    public void Write_OutsideTheWindow_IsDroppedAndCounted(int capacity, long position, int length, long keptFrom, long keptTo, long late, long ahead)
    {
        var window = new FrameWindow(1, capacity);
        var sink = new RecordingSink();

        window.Write(0, position, Ramp(length, 1));
        window.Flush(capacity, sink);

        Assert.Equal(late, window.LateFrames);
        Assert.Equal(ahead, window.AheadFrames);
        Assert.Equal(keptTo - keptFrom, sink.Frames.Count);
        Assert.All(sink.Frames, f => Assert.InRange(f.Key, keptFrom, keptTo - 1));
    }

    [Fact]
    public void Write_AfterFlush_IsLate()
    {
        var window = new FrameWindow(1, 100);
        window.Flush(40, new RecordingSink());

        window.Write(0, 30, Ramp(20, 1));

        Assert.Equal(10, window.LateFrames);
        Assert.Equal(40, window.FlushedPoint);
    }

    [Fact]
    public void Flush_NeverWrittenGap_IsSkippedButWrittenSilenceIsKept()
    {
        var window = new FrameWindow(1, 100);
        var sink = new RecordingSink();
        window.Write(0, 0, Ramp(10, 1));
        window.Write(0, 20, new short[10]); // digital silence that arrived as audio
        window.Write(0, 50, Ramp(5, 100));

        window.Flush(100, sink);

        Assert.Equal([(0L, 10), (20L, 10), (50L, 5)], sink.Runs);
        Assert.Equal(0, sink.Frames[25][0]);
        Assert.Equal(102, sink.Frames[52][0]);
    }

    [Fact]
    public void Flush_TwoChannels_InterleavesAndFillsTheSilentChannelWithZeros()
    {
        var window = new FrameWindow(2, 100);
        var sink = new RecordingSink(2);
        window.Write(0, 10, [1, 2, 3]);
        window.Write(1, 11, [-2, -3, -4]);

        window.Flush(50, sink);

        Assert.Equal([(10L, 4)], sink.Runs);
        Assert.Equal([1, 0], sink.Frames[10]);
        Assert.Equal([3, -3], sink.Frames[12]);
        Assert.Equal([0, -4], sink.Frames[13]);
    }

    [Fact]
    public void Flush_RunAcrossTheRingWrap_ComesOutInOrder()
    {
        var window = new FrameWindow(1, 10);
        var sink = new RecordingSink();
        window.Flush(7, sink);
        window.Write(0, 7, Ramp(6, 1));

        window.Flush(20, sink);

        Assert.Equal([(7L, 3), (10L, 3)], sink.Runs);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (short)i), sink.Frames.OrderBy(f => f.Key).Select(f => f.Value[0]));
    }

    [Fact]
    public void Flush_PartOfTheWindow_KeepsTheRestForLater()
    {
        var window = new FrameWindow(1, 100);
        var sink = new RecordingSink();
        window.Write(0, 0, Ramp(50, 1));

        window.Flush(20, sink);
        window.Write(0, 50, Ramp(10, 51));
        window.Flush(100, sink);

        Assert.Equal([(0L, 20), (20L, 40)], sink.Runs);
        Assert.Equal(60, sink.Frames.Count);
        Assert.Equal(100, window.FlushedPoint);
    }

    [Fact]
    public void Flush_BackwardsOrBeyondTheHorizon_MovesOnlyForward()
    {
        var window = new FrameWindow(1, 10);
        window.Flush(500, new RecordingSink());
        window.Flush(300, new RecordingSink());

        Assert.Equal(500, window.FlushedPoint);
        Assert.Equal(510, window.Horizon);
    }

    [Fact]
    public void EraseFrom_PauseStart_NothingAtOrAfterItIsEverHandedOut()
    {
        var window = new FrameWindow(2, 100);
        var sink = new RecordingSink(2);
        window.Write(0, 0, Ramp(80, 1));
        window.Write(1, 0, Ramp(80, 1));

        Assert.True(window.EraseFrom(30));
        window.Flush(100, sink);

        Assert.Equal([(0L, 30)], sink.Runs);
    }

    [Fact]
    public void EraseFrom_PositionAlreadyFlushed_SaysSoAndErasesTheRest()
    {
        var window = new FrameWindow(1, 100);
        var sink = new RecordingSink();
        window.Write(0, 0, Ramp(80, 1));
        window.Flush(40, sink);

        Assert.False(window.EraseFrom(30));
        window.Flush(100, sink);

        Assert.Equal([(0L, 40)], sink.Runs);
    }

    [Fact]
    public void EraseFrom_LeavesNoPausedSamplesInMemory()
    {
        var window = new FrameWindow(1, 100);
        window.Write(0, 10, Ramp(80, 1));

        window.EraseFrom(10);

        var samples = (short[])typeof(FrameWindow).GetField("_samples", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(window)!;
        Assert.All(samples, s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Constructor_ChannelsOutside1To8_AreRefused(int channels) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameWindow(channels));

    [Fact]
    public void Write_ChannelOutOfRange_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameWindow(2).Write(2, 0, [1]));

    [Fact]
    public void WriteAndFlush_SteadyState_AllocatesNothing()
    {
        var window = new FrameWindow(2, 8000);
        var sink = new CountingSink();
        var packet = Ramp(160, 1);
        Cycle(window, sink, packet, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 200; i++)
        {
            Cycle(window, sink, packet, i);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(200 * 160, sink.Frames);
    }

    [Fact]
    public void WriteAndFlush_RandomPacketsInAnyOrder_OutputEqualsTheLastWriteOfEachFrame() =>
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 40], Gen.Short).Array[0, 40].Select(Gen.Int[1, 120]).Sample((writes, flushStep) =>
        {
            var window = new FrameWindow(1, 64);
            var sink = new RecordingSink();
            var expected = new Dictionary<long, short>();
            var flushed = 0L;
            foreach (var (position, length, value) in writes)
            {
                for (var f = Math.Max(position, flushed); f < Math.Min(position + length, flushed + 64); f++)
                {
                    expected[f] = value;
                }

                window.Write(0, position, Enumerable.Repeat(value, length).ToArray());
                if (position % 3 == 0)
                {
                    flushed += flushStep;
                    window.Flush(flushed, sink);
                }
            }

            window.Flush(flushed + 64, sink);
            Assert.Equal(expected.OrderBy(e => e.Key), sink.Frames.Select(f => new KeyValuePair<long, short>(f.Key, f.Value[0])).OrderBy(e => e.Key));
        });

    private static void Cycle(FrameWindow window, IFrameSink sink, short[] packet, int i)
    {
        window.Write(0, i * 160, packet);
        window.Write(1, i * 160, packet);
        window.Flush((i + 1) * 160, sink);
    }

    private static short[] Ramp(int length, int first) => [.. Enumerable.Range(first, length).Select(i => (short)i)];

    private sealed class CountingSink : IFrameSink
    {
        public long Frames { get; private set; }

        public void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved) => Frames += interleaved.Length / 2;
    }
}
