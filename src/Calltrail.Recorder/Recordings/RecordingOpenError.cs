namespace Calltrail.Recorder.Recordings;

/// <summary>Why a recording file could not be opened (or rewrapped).</summary>
public enum RecordingOpenError
{
    None,
    NotFound,

    /// <summary>Too short for a header, or not this format at all.</summary>
    NotARecording,
    UnsupportedVersion,

    /// <summary>No key slot names a key the ring holds (the file's key ids are in the detail).</summary>
    UnknownKey,

    /// <summary>The ring holds the named key but it does not open the header: a different key under that id, or a damaged header.</summary>
    KeyRejected,

    /// <summary>A record fails its checks or authentication: the file is damaged, and is not rewritten.</summary>
    Damaged,
}
