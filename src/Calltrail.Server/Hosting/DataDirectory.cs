using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>Makes sure the data directory exists before anything writes there, and tells the operator where it is.</summary>
internal sealed partial class DataDirectory(IOptions<CalltrailOptions> options, ILogger<DataDirectory> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.DataDirectoryPath;
        Directory.CreateDirectory(path);
        DataIn(log, path);

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Calltrail data directory: {Path}")]
    private static partial void DataIn(ILogger logger, string path);
}
