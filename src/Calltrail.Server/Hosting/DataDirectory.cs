using Calltrail.Recorder.Files;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>
/// Makes sure the data directory exists before anything writes there (0700 when Calltrail creates it),
/// and tells the operator where it is. A directory that already exists is not chmod-ed — it is the
/// operator's — but one that other users may enter is warned about at every start.
/// </summary>
internal sealed partial class DataDirectory(IOptions<CalltrailOptions> options, ILogger<DataDirectory> log)
    : IHostedService
{
    private const UnixFileMode OthersMayEnter =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.DataDirectoryPath;
        PrivateFiles.CreateDirectory(path);
        DataIn(log, path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayEnter) != 0)
        {
            OpenToOthers(log, path, Convert.ToString((int)File.GetUnixFileMode(path), 8));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Calltrail data directory: {Path}")]
    private static partial void DataIn(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The data directory {Path} has mode {Mode}: other users may reach the database and recordings in it. Make it 0700 (chmod 700 {Path}).")]
    private static partial void OpenToOthers(ILogger logger, string path, string mode);
}
