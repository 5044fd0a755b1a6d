namespace Calltrail.Recorder.Sdp;

/// <summary>Which way media flows, from the describing side's view (RFC 4566 §6, RFC 3264 §5.1).</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
