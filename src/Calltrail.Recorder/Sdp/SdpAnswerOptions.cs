namespace Calltrail.Recorder.Sdp;

/// <summary>
/// What the answer says about us: the address media is sent to, and the o= session id and version. Raising the
/// version on each new answer in a dialog is the caller's job (RFC 3264 §8).
/// </summary>
public sealed record SdpAnswerOptions(string LocalAddress, ulong SessionId, ulong SessionVersion, string UserName = "calltrail");
