using Calltrail.Recorder.Control;

namespace Calltrail.Recorder.Sessions;

/// <summary>Why an open session is ended without a BYE.</summary>
public enum SessionExpiry
{
    None,

    /// <summary>The client is sending, yet no RTP reached the session's ports for <see cref="RecorderOptions.NoMediaTimeout"/>: a normal end.</summary>
    NoMedia,

    /// <summary>On hold, and neither SIP nor RTP for <see cref="RecorderOptions.IdleTimeout"/>: the client is gone, the recording is incomplete.</summary>
    Idle,
}

public static class SessionExpiries
{
    /// <summary>
    /// A session whose client says it is sending must show it: silence on its ports past the no-media timeout
    /// ends it. A held session (every stream inactive) sends nothing by right, so only the long idle timeout,
    /// which SIP also resets, applies to it.
    /// </summary>
    /// <param name="sending">Whether the client's last offer has a stream it sends.</param>
    /// <param name="withoutMedia">Since the last packet, or since media was last due (start, or off hold) when later.</param>
    /// <param name="withoutAnything">Since the last packet or SIP request of the session.</param>
    public static SessionExpiry Of(bool sending, TimeSpan withoutMedia, TimeSpan withoutAnything, RecorderOptions options) =>
        sending
            ? withoutMedia > options.NoMediaTimeout ? SessionExpiry.NoMedia : SessionExpiry.None
            : withoutAnything > options.IdleTimeout ? SessionExpiry.Idle : SessionExpiry.None;
}
