using System.Net;
using System.Net.Sockets;
using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Sessions;
using Calltrail.Recorder.Signaling;
using Microsoft.Extensions.Logging;

namespace Calltrail.Recorder;

/// <summary>
/// The SIPREC recording server: SIP on UDP and TCP, the sessions, the periodic tick, and recovery of
/// recordings a crash left unfinished. The host feeds it the service's instructions (<see cref="Apply"/>).
/// </summary>
public sealed partial class SiprecServer(
    RecorderOptions options, RecordingFiles files, ICallDirectory calls, IRecordingCatalog catalog, TimeProvider time, ILogger<SiprecServer> logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);
    private readonly RecordingSessions sessions = new(options, files, calls, catalog, time, logger);
    private readonly CancellationTokenSource stopping = new();
    private UdpSipTransport? udp;
    private TcpSipTransport? tcp;
    private Task? ticking;
    private int disposed;

    public RecordingSessions Sessions => sessions;

    /// <summary>The SIP port actually bound (useful when the options asked for any port).</summary>
    public int SipPort => udp?.LocalEndPoint.Port ?? 0;

    /// <summary>The address and port SIP is bound to (null before <see cref="StartAsync"/>).</summary>
    public IPEndPoint? SipEndPoint => udp?.LocalEndPoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        (udp, tcp) = await BindAsync(IPAddress.Parse(options.ListenAddress));
        udp.Start();
        tcp.Start();
        ticking = Task.Run(TickAsync, CancellationToken.None);
        LogListening(logger, udp.LocalEndPoint.Address, udp.LocalEndPoint.Port, options.RtpPortMin, options.RtpPortMax, files.Directory);
        LogAllowed(logger, string.Join(", ", sessions.FrontDoor.AllowedSources), options.MaxSessionsPerSource, options.MaxRtpPortsPerSource, options.NoMediaTimeout);
    }

    /// <summary>A call's plan as of a committed change (in-process, or heard from another server).</summary>
    public void Apply(RecordingPlan plan) => sessions.Apply(plan);

    /// <summary>
    /// UDP and TCP on one port. With port 0 the system picks UDP's, and TCP's twin may be taken by some
    /// other connection: then another port is tried.
    /// </summary>
    private async Task<(UdpSipTransport, TcpSipTransport)> BindAsync(IPAddress address)
    {
        for (var attempt = 1; ; attempt++)
        {
            var udpTransport = UdpSipTransport.Bind(new IPEndPoint(address, options.SipPort), sessions.ReceiveAsync, logger);
            try
            {
                return (udpTransport, TcpSipTransport.Bind(
                    new IPEndPoint(address, udpTransport.LocalEndPoint.Port), sessions.FrontDoor.AdmitsConnection, sessions.ReceiveAsync, logger));
            }
            catch (SocketException) when (options.SipPort == 0 && attempt < 20)
            {
                await udpTransport.DisposeAsync();
            }
        }
    }

    /// <summary>Recordings the catalog lists as being written belong to a recorder that stopped mid-call: each is closed as incomplete from what its file holds.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var (file, outcome) in files.FinishRedactions())
        {
            LogRedactionFinished(logger, file, outcome);
            if (outcome == Recordings.JournalOutcome.Discarded && await catalog.FindAsync(RecordingFiles.IdOf(file), cancellationToken) is { } torn)
            {
                // The crash came before anything was overwritten: the redaction is made again, now (an unfinished one is below).
                await sessions.Finished.ReconcileCallAsync(torn.CallId);
            }
        }

        foreach (var unfinished in await catalog.UnfinishedAsync(cancellationToken))
        {
            await sessions.Finished.RecoverAsync(unfinished, cancellationToken);
        }
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                try
                {
                    await sessions.TickAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogTickFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops listening and closes every open recording as incomplete. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        if (udp is not null)
        {
            await udp.DisposeAsync();
        }

        if (tcp is not null)
        {
            await tcp.DisposeAsync();
        }

        if (ticking is not null)
        {
            await ticking;
        }

        await sessions.EndAllAsync();
        sessions.Dispose();
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIPREC recorder listening on {Address} SIP port {Port} (UDP and TCP), RTP ports {RtpMin}-{RtpMax}; recordings in {Directory}")]
    private static partial void LogListening(ILogger logger, IPAddress address, int port, int rtpMin, int rtpMax, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIPREC recorder hears only {Allowed} (Recorder:AllowedSources); per source at most {Sessions} sessions and {Ports} RTP ports; a sending session silent for {NoMedia} is ended")]
    private static partial void LogAllowed(ILogger logger, string allowed, int sessions, int ports, TimeSpan noMedia);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {File}: a redaction a crash interrupted was found before the file is read: {Outcome}")]
    private static partial void LogRedactionFinished(ILogger logger, string file, Recordings.JournalOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recorder tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception e);
}
