namespace Calltrail.Recorder.Recordings;

/// <summary>What a marker record says happened at its frame. The numbers are stored in files.</summary>
public enum MarkerKind : byte
{
    Start = 1,
    Pause = 2,
    Resume = 3,
    Stop = 4,
    End = 5,
}
