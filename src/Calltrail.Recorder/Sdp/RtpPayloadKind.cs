namespace Calltrail.Recorder.Sdp;

/// <summary>What an accepted payload type carries, so the recorder knows how to decode it.</summary>
public enum RtpPayloadKind
{
    Pcmu,
    Pcma,
    TelephoneEvent,
}
