using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        if (start >= end)
        {
            return;
        }

        // The slot once per packet and a plain index after it: at most two stretches, split at the ring's wrap.
        var slot = Slot(start);
        var offset = (int)(start - position);
        var count = (int)(end - start);
        var first = Math.Min(count, Capacity - slot);
        WriteStretch(channel, slot, samples.Slice(offset, first));
        WriteStretch(channel, 0, samples.Slice(offset + first, count - first));
    }

    private void WriteStretch(int channel, int slot, ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        // The hot loop of every packet: one bounds check for the stretch, then plain strided stores.
        var target = _samples.AsSpan(slot * Channels, samples.Length * Channels);
        ref var first = ref MemoryMarshal.GetReference(target);
        var step = Channels;
        for (var i = 0; i < samples.Length; i++)
        {
            Unsafe.Add(ref first, (i * step) + channel) = samples[i];
        }

        _written.AsSpan(slot, samples.Length).Fill(true);
    }

    /// <summary>Forgets (zeroes) whatever the window holds in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Erase(long from, long to) => Clear(Math.Max(from, FlushedPoint), Math.Min(to, Horizon));

    /// <summary>Whether any frame the window holds was written.</summary>
    public bool HoldsAudio => _written.AsSpan().Contains(true);

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
        var slot = Slot(frame);
        var state = _written[slot];
        var length = (int)(Math.Min(end, frame + Capacity - slot) - frame);
        var change = _written.AsSpan(slot + 1, length - 1).IndexOf(!state);
        return change < 0 ? frame + length : frame + 1 + change;
    }

    private void Clear(long from, long to)
    {
        if (from >= to)
        {
            return;
        }

        // Whole ring stretches at a time: at most two, split at the wrap.
        var count = (int)Math.Min(to - from, Capacity);
        var slot = Slot(from);
        var first = Math.Min(count, Capacity - slot);
        ClearStretch(slot, first);
        ClearStretch(0, count - first);
    }

    private void ClearStretch(int slot, int frames)
    {
        _written.AsSpan(slot, frames).Clear();
        _samples.AsSpan(slot * Channels, frames * Channels).Clear();
    }

    private int Slot(long frame) => (int)(frame % Capacity);
}
