using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Calltrail.Recorder.Benchmarks.Hosting;

/// <summary>
/// A private PostgreSQL cluster for one benchmark run, as the service benchmark's PostgresCluster starts
/// one (initdb into a fresh directory, pg_ctl on a free loopback port, TCP only; as root the cluster
/// belongs to the postgres user). Durability at PostgreSQL's defaults. One setting more:
/// <c>track_commit_timestamp=on</c>, so that the harness can read when the transaction that committed a
/// call's row did so (<c>pg_xact_commit_timestamp(xmin)</c>) — the commit in "commit → applied".
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private static readonly bool AsRoot = Environment.UserName == "root";
    private readonly string bin;
    private bool stopped;

    private PrivatePostgres(string bin, string directory, int port) => (this.bin, Directory, Port) = (bin, directory, port);

    public string Directory { get; }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    public static PrivatePostgres Start(string directory)
    {
        var bin = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin"))
                .LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb).");
        }

        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);
        if (AsRoot)
        {
            Run("chown", $"postgres: {directory}");
        }

        RunTool(bin, "initdb", $"-D {directory} -A trust -U postgres -E UTF8 --locale=C.UTF-8");
        var port = FreePort();
        RunTool(bin, "pg_ctl", $"-D {directory} -l {directory}/server.log -w -t 120 " +
            $"-o \"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c track_commit_timestamp=on\" start");
        return new PrivatePostgres(bin, directory, port);
    }

    /// <summary>Creates an empty database; answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        NpgsqlConnection.ClearAllPools();
        RunTool(bin, "pg_ctl", $"-D {Directory} -m fast -w stop");
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void RunTool(string bin, string tool, string arguments) =>
        Run(AsRoot ? "runuser" : Path.Combine(bin, tool), AsRoot ? $"-u postgres -- {Path.Combine(bin, tool)} {arguments}" : arguments);

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
