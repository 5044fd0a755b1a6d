namespace Calltrail.Live;

/// <summary>
/// What happens to a call's audio at a moment: the one vocabulary the verdict's timeline, the stored
/// plan, the service's streams and the recorder share.
/// </summary>
public enum AudioState
{
    /// <summary>No audio is kept and none is owed: before connect, a call not recorded, after a transfer stopped it, after the end.</summary>
    NotRecording,

    Recording,

    /// <summary>No audio is kept, and the stretch is listed as paused with its cause (payment screen, a person's pause).</summary>
    Paused,
}

/// <summary>An instruction on the service's recorder stream: how the audio state changed.</summary>
public enum RecorderAction
{
    Start,
    Pause,
    Resume,
    Stop,
}

/// <summary>The instructions that take a recorder from one audio state to another.</summary>
public static class RecorderActions
{
    /// <summary>In order: a call that is paused from the moment it is first recorded is started, then paused.</summary>
    public static IReadOnlyList<RecorderAction> Between(AudioState from, AudioState to) => (from, to) switch
    {
        _ when from == to => [],
        (AudioState.NotRecording, AudioState.Recording) => [RecorderAction.Start],
        (AudioState.NotRecording, AudioState.Paused) => [RecorderAction.Start, RecorderAction.Pause],
        (AudioState.Recording, AudioState.Paused) => [RecorderAction.Pause],
        (AudioState.Paused, AudioState.Recording) => [RecorderAction.Resume],
        _ => [RecorderAction.Stop],
    };
}
