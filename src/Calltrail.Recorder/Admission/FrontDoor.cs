using System.Net;
using System.Security.Cryptography;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Signaling;
using Calltrail.Recorder.Sip;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// Who may record, and how much: a request from outside <c>Recorder:AllowedSources</c> is answered 403
/// before anything is read past its headers — no transaction, no dialog, no port — and each source may
/// hold only so many sessions and RTP ports. Refusals are logged, at most once a minute per source.
/// </summary>
public sealed partial class FrontDoor(RecorderOptions options, TimeProvider time, ILogger logger)
{
    private const string NotAllowed = "399 calltrail \"this source is not in Recorder:AllowedSources\"";

    private readonly SourceNetworks allowed = SourceNetworks.Of(options.AllowedSources);
    private readonly SourceQuotas quotas = new(options.MaxSessionsPerSource, options.MaxRtpPortsPerSource);
    private readonly RefusalLog refusals = new(time);

    public SourceQuotas Quotas => quotas;

    /// <summary>The allowed ranges in force (loopback when none is configured).</summary>
    public IReadOnlyList<IPNetwork> AllowedSources => allowed.Networks;

    /// <summary>The peer's address as the allowed ranges are written (IPv4 for an IPv4 peer on a dual-stack socket).</summary>
    public static IPAddress SourceOf(SipPeer peer) =>
        peer.Remote.Address.IsIPv4MappedToIPv6 ? peer.Remote.Address.MapToIPv4() : peer.Remote.Address;

    public bool Admits(SipPeer peer) => allowed.Admits(SourceOf(peer));

    /// <summary>
    /// Whether a TCP connection from <paramref name="remote"/> is kept: one from a source not allowed is closed
    /// at once, unread and unanswered (logged, rate-limited). Unlike a UDP datagram its source cannot be
    /// forged, so a 403 would tell a real stranger only that a recorder listens here.
    /// </summary>
    public bool AdmitsConnection(IPEndPoint remote)
    {
        var source = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        if (allowed.Admits(source))
        {
            return true;
        }

        if (refusals.ShouldLog(source, out var unlogged))
        {
            LogConnectionRefused(logger, source, unlogged);
        }

        return false;
    }

    /// <summary>
    /// Answers a request from a source not allowed 403, statelessly (its retransmissions get the same);
    /// an ACK, a response or what does not parse gets nothing.
    /// </summary>
    public async Task TurnAwayAsync(SipPeer peer, ReadOnlyMemory<byte> bytes)
    {
        var source = SourceOf(peer);
        if (refusals.ShouldLog(source, out var unlogged))
        {
            LogNotAllowed(logger, source, peer.Transport, unlogged);
        }

        if (SipParser.Parse(bytes.Span).Message is not { IsRequest: true } request || request.Method == "ACK")
        {
            return;
        }

        var forbidden = SipResponse.To(request, 403, "Forbidden")
            .WithToTag(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)))
            .WithHeader("Warning", NotAllowed);
        await peer.SendAsync(forbidden.ToBytes(), CancellationToken.None);
    }

    /// <summary>Takes a session and its ports from the source's quota; null when taken, else why the source must wait (logged, rate-limited).</summary>
    public string? TryTake(IPAddress source, int ports)
    {
        if (quotas.TryTake(source, ports) is not { } full)
        {
            return null;
        }

        if (refusals.ShouldLog(source, out var unlogged))
        {
            LogSourceFull(logger, source, full, unlogged);
        }

        return full;
    }

    public void Give(IPAddress source, int ports) => quotas.Give(source, ports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP from {Source} over {Transport} refused 403: not in Recorder:AllowedSources ({Unlogged} refusals of it left out of the log since its last line)")]
    private static partial void LogNotAllowed(ILogger logger, IPAddress source, string transport, long unlogged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP over TCP from {Source} refused: connection closed unread, not in Recorder:AllowedSources ({Unlogged} refusals of it left out of the log since its last line)")]
    private static partial void LogConnectionRefused(ILogger logger, IPAddress source, long unlogged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INVITE from {Source} refused 503: {Why} ({Unlogged} refusals of it left out of the log since its last line)")]
    private static partial void LogSourceFull(ILogger logger, IPAddress source, string why, long unlogged);
}
