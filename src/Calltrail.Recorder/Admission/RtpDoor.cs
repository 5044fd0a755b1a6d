using Calltrail.Recorder.Media;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// The front door for media: RTP reaches a recording only from <c>Recorder:AllowedSources</c>, the same
/// ranges SIP is heard from (an SBC's media address may differ from its signalling address, so the
/// allowed ranges, not the SIP peer, are the check). Refused datagrams are logged at most once a minute
/// per source, as SIP refusals are.
/// </summary>
public sealed partial class RtpDoor(SourceNetworks allowed, TimeProvider time, ILogger logger)
{
    private readonly RefusalLog refusals = new(time);

    /// <summary>On the RTP thread, for every datagram: allocates nothing.</summary>
    public bool Admits(in RtpSource source) => allowed.Admits(source.Address);

    /// <summary>A datagram a stream dropped: logged if its source's line for this minute is not written yet.</summary>
    public void Refused(in RtpSource source, RtpRefusal why, int port, in RtpSource latched)
    {
        if (!refusals.ShouldLog(source.Address, out var unlogged))
        {
            return;
        }

        if (why == RtpRefusal.NotAllowed)
        {
            LogNotAllowed(logger, source.ToString(), port, unlogged);
        }
        else
        {
            LogNotLatched(logger, source.ToString(), port, latched.ToString(), unlogged);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP from {Source} to port {Port} dropped: not in Recorder:AllowedSources ({Unlogged} datagrams of it left out of the log since its last line)")]
    private static partial void LogNotAllowed(ILogger logger, string source, int port, long unlogged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP from {Source} to port {Port} dropped: the stream takes RTP only from {Latched}, its first sender since the last offer ({Unlogged} datagrams of it left out of the log since its last line)")]
    private static partial void LogNotLatched(ILogger logger, string source, int port, string latched, long unlogged);
}
