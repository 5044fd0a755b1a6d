namespace Calltrail.Recorder.Audio;

/// <summary>
/// The in-memory reorder window of one recording: the frames from the flushed point up to
/// <see cref="Capacity"/> frames ahead of it, for each channel. Packets are written where the
/// <see cref="StreamClock"/> placed them; the caller flushes what is old enough to the file.
/// Frames never written are silence that is never handed out, so gaps cost nothing on disk, while
/// true digital silence that arrived as audio is kept. Allocation-free after construction.
/// </summary>
/// <remarks>Single-threaded: the recording's session owns it.</remarks>
public sealed class FrameWindow
{
    public const int MaxChannels = 8;
    public const int DefaultCapacity = 8000;

    private readonly short[] _samples; // ring of Capacity frames, interleaved
    private readonly bool[] _written;  // per ring frame: did any channel receive audio there

    public FrameWindow(int channels, int capacity = DefaultCapacity, long startFrame = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, MaxChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(startFrame);
        (Channels, Capacity, FlushedPoint) = (channels, capacity, startFrame);
        _samples = new short[channels * capacity];
        _written = new bool[capacity];
    }

    public int Channels { get; }

    public int Capacity { get; }

    /// <summary>Every frame before this has been handed out or dropped; writes there are late.</summary>
    public long FlushedPoint { get; private set; }

    /// <summary>Frames (per channel) dropped because they arrived after their place was flushed.</summary>
    public long LateFrames { get; private set; }

    /// <summary>Frames (per channel) dropped because they lay beyond the window's capacity.</summary>
    public long AheadFrames { get; private set; }

    /// <summary>The end of the window: writes at or beyond it are dropped.</summary>
    public long Horizon => FlushedPoint + Capacity;

    /// <summary>Writes one channel's samples from <paramref name="position"/>, dropping what falls outside the window.</summary>
    public void Write(int channel, long position, ReadOnlySpan<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var start = Math.Max(position, FlushedPoint);
        var end = Math.Min(position + samples.Length, Horizon);
        LateFrames += Math.Clamp(FlushedPoint - position, 0, samples.Length);
        AheadFrames += Math.Clamp(position + samples.Length - Math.Max(Horizon, position), 0, samples.Length);
        for (var frame = start; frame < end; frame++)
        {
            var slot = Slot(frame);
            _samples[(slot * Channels) + channel] = samples[(int)(frame - position)];
            _written[slot] = true;
        }
    }

    /// <summary>
    /// Forgets everything at or after <paramref name="position"/> (a pause begins there). False when
    /// frames at or after it had already been flushed, which the caller should treat as a fault.
    /// </summary>
    public bool EraseFrom(long position)
    {
        Clear(Math.Max(position, FlushedPoint), Horizon);
        return position >= FlushedPoint;
    }

    /// <summary>
    /// Hands the written frames in [<see cref="FlushedPoint"/>, <paramref name="upTo"/>) to the sink as
    /// runs of consecutive written frames, then forgets them and moves the flushed point to upTo.
    /// </summary>
    public void Flush(long upTo, IFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var end = Math.Min(upTo, Horizon);
        var frame = FlushedPoint;
        while (frame < end)
        {
            var runEnd = RunEnd(frame, end);
            if (_written[Slot(frame)])
            {
                var slot = Slot(frame);
                sink.WriteAudio(frame, _samples.AsSpan(slot * Channels, (int)(runEnd - frame) * Channels));
            }

            frame = runEnd;
        }

        Clear(FlushedPoint, end);
        FlushedPoint = Math.Max(FlushedPoint, upTo);
    }

    // The end of the run of frames sharing frame's written state, stopping at the ring's wrap too,
    // so every run is one contiguous slice of the ring.
    private long RunEnd(long frame, long end)
    {
        var state = _written[Slot(frame)];
        var limit = Math.Min(end, frame + Capacity - Slot(frame));
        var next = frame + 1;
        while (next < limit && _written[Slot(next)] == state)
        {
            next++;
        }

        return next;
    }

    private void Clear(long from, long to)
    {
        for (var frame = from; frame < to; frame++)
        {
            var slot = Slot(frame);
            _written[slot] = false;
            _samples.AsSpan(slot * Channels, Channels).Clear();
        }
    }

    private int Slot(long frame) => (int)(frame % Capacity);
}
