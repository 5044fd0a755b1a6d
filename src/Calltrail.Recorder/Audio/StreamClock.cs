namespace Calltrail.Recorder.Audio;

/// <summary>
/// Places one RTP stream's packets on the recording's timeline (frames at 8000 Hz from the recording
/// start). The first packet is placed where it arrived; later ones by their RTP timestamp relative to
/// it, so reordered packets land where they belong, duplicates land on the same frames and lost ones
/// leave gaps. A new SSRC, or a timestamp that disagrees with the arrival time by more than the
/// threshold, anchors the stream afresh at its arrival. Pure: the caller supplies arrival times.
/// </summary>
/// <remarks>
/// The RTP clock is taken to be 8000 Hz: true of G.711 and of telephone-event alongside it (RFC 3551).
/// A sender whose clock drifts from ours is re-anchored once the drift passes the threshold.
/// </remarks>
public sealed class StreamClock
{
    public const long DefaultJumpThresholdFrames = 8000;

    // A packet a little older (by sequence) than the one that re-anchored the stream is a late packet
    // from before the jump: placing it would re-anchor back and forth. Further back is a sender restart.
    private const int StaleSequenceWindow = 100;

    private readonly long _jumpThreshold;
    private bool _anchored;
    private uint _ssrc;
    private uint _anchorTimestamp;
    private long _anchorPosition;
    private ushort _anchorSequence;

    public StreamClock(long jumpThresholdFrames = DefaultJumpThresholdFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jumpThresholdFrames);
        _jumpThreshold = jumpThresholdFrames;
    }

    public long Packets { get; private set; }

    public long Reanchors { get; private set; }

    /// <summary>Packets refused: late ones from before a timestamp jump, or placed before the recording start.</summary>
    public long Refused { get; private set; }

    /// <summary>
    /// The timeline frame of the packet's first sample. False when the packet cannot be placed (it
    /// would fall before the recording start, or it is a stale packet from before a re-anchor).
    /// </summary>
    public bool TryPlace(uint ssrc, ushort sequence, uint timestamp, long arrivalFrame, out long position)
    {
        Packets++;
        position = _anchorPosition + (int)(timestamp - _anchorTimestamp);
        var consistent = _anchored && ssrc == _ssrc && Math.Abs(position - arrivalFrame) <= _jumpThreshold;
        if (!consistent && _anchored && ssrc == _ssrc && IsStale(sequence))
        {
            return Refuse(out position);
        }

        if (!consistent)
        {
            Anchor(ssrc, sequence, timestamp, arrivalFrame);
            position = arrivalFrame;
        }
        else if (position > _anchorPosition)
        {
            // Following the newest packet keeps the signed 32-bit difference small on calls of any length.
            (_anchorTimestamp, _anchorPosition, _anchorSequence) = (timestamp, position, sequence);
        }

        return position >= 0 || Refuse(out position);
    }

    private bool IsStale(ushort sequence)
    {
        var behind = (short)(ushort)(_anchorSequence - sequence);
        return behind is > 0 and <= StaleSequenceWindow;
    }

    private void Anchor(uint ssrc, ushort sequence, uint timestamp, long arrivalFrame)
    {
        if (_anchored)
        {
            Reanchors++;
        }

        (_anchored, _ssrc, _anchorSequence, _anchorTimestamp, _anchorPosition) = (true, ssrc, sequence, timestamp, arrivalFrame);
    }

    private bool Refuse(out long position)
    {
        Refused++;
        position = 0;
        return false;
    }
}
