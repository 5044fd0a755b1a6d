using Calltrail.Server.Access;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>Makes sure the data directory exists before anything writes there, and tells the operator where it is and how to begin.</summary>
internal sealed partial class DataDirectory(IOptions<CalltrailOptions> options, IOptions<AdminTokenOptions> admin, ILogger<DataDirectory> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.DataDirectoryPath;
        Directory.CreateDirectory(path);
        DataIn(log, path);
        if (string.IsNullOrEmpty(admin.Value.Token))
        {
            NoAdminToken(log);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Calltrail data directory: {Path}")]
    private static partial void DataIn(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No CALLTRAIL_ADMIN_TOKEN is set, so no one can call the API yet. To get going: stop the server, " +
        "start it again with CALLTRAIL_ADMIN_TOKEN=<a long random secret> in the environment, then call " +
        "the API with 'Authorization: Bearer <that secret>' — for example POST /api/decide with a scenario " +
        "from spec/examples. GET /health needs no token; the API is described at /openapi/v1.json.")]
    private static partial void NoAdminToken(ILogger logger);
}
