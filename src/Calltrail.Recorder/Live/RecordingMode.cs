using Calltrail.Live;

namespace Calltrail.Recorder.Live;

/// <summary>What a recording does with the audio arriving now.</summary>
public enum Mode
{
    /// <summary>Nothing is kept: not recording yet, or no longer (the call is not recorded, a transfer stopped it).</summary>
    Silent,

    Writing,

    /// <summary>Nothing is kept and the span is listed as paused, with its cause.</summary>
    Paused,
}

/// <summary>A mark a recording writes on its timeline when its mode changes.</summary>
public enum MarkKind
{
    Start,
    Pause,
    Resume,
    Stop,
}

/// <summary>
/// Decides a recording's mode from what the service says and what the recording client does. Pure:
/// the live recording asks it on every change and writes the mark it returns.
/// </summary>
public static class RecordingMode
{
    /// <summary>The pause cause of a recording client's own pause (a re-INVITE that makes the streams inactive).</summary>
    public const string ClientPause = "recording-client";

    /// <summary>The cause given to a pause the service ordered without naming why (it always names one today).</summary>
    public const string ServicePause = "service";

    /// <param name="service">The service's latest instruction; null while the call is unknown.</param>
    /// <param name="provisional">The call is unknown but the session's audio is still held for it.</param>
    /// <param name="clientPaused">The recording client stopped sending (every stream inactive or recvonly).</param>
    public static (Mode Mode, string? Cause) Of(RecorderState? service, string? serviceCause, bool provisional, bool clientPaused)
    {
        var wanted = service switch
        {
            RecorderState.Recording => Mode.Writing,
            RecorderState.Paused => Mode.Paused,
            null when provisional => Mode.Writing,
            _ => Mode.Silent,
        };
        return wanted switch
        {
            Mode.Paused => (Mode.Paused, serviceCause ?? ServicePause),
            Mode.Writing when clientPaused => (Mode.Paused, ClientPause),
            _ => (wanted, null),
        };
    }

    /// <summary>The mark for a change of mode, or null when the mode stays.</summary>
    public static MarkKind? Mark(Mode from, Mode to) => (from, to) switch
    {
        _ when from == to => null,
        (Mode.Silent, Mode.Writing) => MarkKind.Start,
        (Mode.Paused, Mode.Writing) => MarkKind.Resume,
        (_, Mode.Paused) => MarkKind.Pause,
        (_, Mode.Silent) => MarkKind.Stop,
        _ => null,
    };
}
