namespace Calltrail.Recorder.Multipart;

/// <summary>
/// The SDP and recording metadata of a SIPREC request body. Either may be absent: metadata can come in a later
/// request (RFC 7866 §6.1), and an offerless INVITE has no SDP; what to do then is the caller's decision.
/// </summary>
public sealed record SiprecBodyParts(ReadOnlyMemory<byte>? Sdp, ReadOnlyMemory<byte>? Metadata);
