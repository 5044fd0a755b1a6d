namespace Calltrail.Recorder.Sip;

/// <summary>
/// Bounds on what one peer can make the recorder hold. A SIPREC INVITE with SDP and metadata is a few KiB;
/// these leave room for verbose SBCs while keeping a hostile peer's cost small.
/// </summary>
public static class SipLimits
{
    public const int MaxMessageBytes = 64 * 1024;
    public const int MaxHeaders = 256;
    public const int MaxHeaderLineBytes = 8 * 1024;
}
