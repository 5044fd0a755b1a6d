using Calltrail.Recorder;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Server.Calls;
using Calltrail.Server.Hosting;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Recordings;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Recording;

public static class RecorderSetup
{
    public static IServiceCollection AddCalltrailRecorder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecorderOptions>()
            .Bind(configuration.GetSection("Recorder"))
            // Unless set, the recorder listens where the HTTP service does (loopback stays loopback).
            .PostConfigure(options => options.ListenAddress = RecorderListenAddress.Resolve(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecorderOptions>, RecorderOptionsValidation>();
        services.AddSingleton<RecordingStore>();
        services.AddSingleton<RecordingPlans>();
        services.AddSingleton<AudioRelease>();
        services.AddSingleton<ICallDirectory, CallDirectory>();
        services.AddSingleton<IRecordingCatalog, RecordingCatalog>();
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<CalltrailOptions>>().Value.DataDirectoryPath;
            var options = sp.GetRequiredService<IOptions<RecorderOptions>>().Value;
            var keys = RecordingKeys.Load(configuration, data, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Calltrail.Recorder"));
            return new RecordingFiles(Path.Combine(data, options.Directory), keys);
        });
        services.AddSingleton(sp => new SiprecServer(
            sp.GetRequiredService<IOptions<RecorderOptions>>().Value,
            sp.GetRequiredService<RecordingFiles>(),
            sp.GetRequiredService<ICallDirectory>(),
            sp.GetRequiredService<IRecordingCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SiprecServer>>()));
        services.AddHostedService<RecorderHost>();
        return services;
    }
}

/// <summary>Names each bad recorder setting at start, rather than one generic failure.</summary>
internal sealed class RecorderOptionsValidation : IValidateOptions<RecorderOptions>
{
    public ValidateOptionsResult Validate(string? name, RecorderOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>Runs the recorder inside the service: recovers, listens, and hears every call update as it commits.</summary>
internal sealed partial class RecorderHost(
    IOptions<RecorderOptions> options, SiprecServer recorder, RecordingFiles files, CallNotifications notifications, RecordingPlans plans,
    ILogger<RecorderHost> logger)
    : IHostedService
{
    private IDisposable? watching;
    private IDisposable? hearingOthers;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RewrapOnStart)
        {
            // Before anything listens: no recording is being written while headers are rewritten.
            var summary = files.RewrapAll();
            LogRewrapped(logger, summary.Rewrapped, summary.AlreadyCurrent, files.Keys.ActiveKeyId, summary.Failed.Count, string.Join("; ", summary.Failed));
        }

        if (!options.Value.Enabled)
        {
            await recorder.RecoverAsync(cancellationToken);
            return;
        }

        watching = notifications.Watch(updates =>
        {
            foreach (var update in updates)
            {
                if (update.Judgement.Status != Calltrail.Live.LiveCallStatus.AwaitingStart)
                {
                    recorder.Apply(update.Plan);
                }
            }
        });
        // Plans other servers commit (on PostgreSQL): read from the database, applied in version order like any other.
        hearingOthers = notifications.WatchRemote(
            (callId, version) =>
            {
                if (recorder.Sessions.Follows(callId, version))
                {
                    _ = Task.Run(() => ReadAndApplyAsync([callId]));
                }
            },
            () => _ = Task.Run(() => ReadAndApplyAsync(recorder.Sessions.FollowedCalls)));
        try
        {
            await recorder.StartAsync(cancellationToken);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException(
                $"The recorder cannot listen on SIP port {options.Value.SipPort} ({e.SocketErrorCode}). " +
                "Set Recorder:SipPort to a free port, or Recorder:Enabled=false to run without the recorder.", e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        watching?.Dispose();
        hearingOthers?.Dispose();
        await recorder.DisposeAsync();
    }

    private async Task ReadAndApplyAsync(IReadOnlyList<string> callIds)
    {
        foreach (var callId in callIds)
        {
            try
            {
                if (await plans.FindAsync(callId, CancellationToken.None) is { } plan)
                {
                    recorder.Apply(plan);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPlanReadFailed(logger, e, callId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the plan of call {CallId} after another server changed it failed")]
    private static partial void LogPlanReadFailed(ILogger logger, Exception e, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation: {Rewrapped} recording(s) rewrapped to key {Active}, {Current} already under it, {Failed} could not be opened: {Failures}")]
    private static partial void LogRewrapped(ILogger logger, int rewrapped, int current, string active, int failed, string failures);
}
