using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Tests.Audio;

/// <summary>Keeps what a <see cref="FrameWindow"/> flushes: the runs as handed out, and each frame's samples.</summary>
internal sealed class RecordingSink(int channels = 1) : IFrameSink
{
    public List<(long Start, int Frames)> Runs { get; } = [];

    public Dictionary<long, short[]> Frames { get; } = [];

    public void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved)
    {
        Assert.Equal(0, interleaved.Length % channels);
        var count = interleaved.Length / channels;
        Runs.Add((startFrame, count));
        for (var i = 0; i < count; i++)
        {
            Assert.True(Frames.TryAdd(startFrame + i, interleaved.Slice(i * channels, channels).ToArray()), $"frame {startFrame + i} handed out twice");
        }
    }
}
