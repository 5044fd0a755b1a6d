namespace Calltrail.Recorder.Media;

/// <summary>Why a stream dropped a datagram before it reached the recording.</summary>
public enum RtpRefusal
{
    /// <summary>The sender's address is not in <c>Recorder:AllowedSources</c>.</summary>
    NotAllowed,

    /// <summary>An allowed sender, but not the one the stream latched to (its first since the last offer).</summary>
    NotLatched,
}
