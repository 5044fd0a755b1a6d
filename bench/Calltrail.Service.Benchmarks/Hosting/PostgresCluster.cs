using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Calltrail.Service.Benchmarks.Measuring;
using Npgsql;

namespace Calltrail.Service.Benchmarks.Hosting;

/// <summary>
/// A private PostgreSQL cluster from the Debian package (as tests/Calltrail.TestKit's PrivatePostgres
/// does): initdb into a directory, pg_ctl start on a free port, TCP only. As root, the cluster belongs
/// to the postgres user (initdb refuses root). Durability settings are PostgreSQL's defaults
/// (fsync=on, synchronous_commit=on, full_page_writes=on): a commit is on disk before it returns.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private static readonly bool AsRoot = Environment.UserName == "root";
    private readonly string bin;
    private readonly bool keep;
    private bool stopped;

    private PostgresCluster(string bin, string directory, int port, bool keep)
    {
        this.bin = bin;
        this.keep = keep;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>A superuser connection string for database <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=100";

    /// <summary>The postmaster's PID: its CPU plus its backends' is the database's CPU.</summary>
    public int PostmasterPid =>
        int.Parse(File.ReadLines(Path.Combine(Directory, "postmaster.pid")).First(), NumberStyles.None, CultureInfo.InvariantCulture);

    public double CpuSeconds() => ProcStat.TreeCpuSeconds(PostmasterPid);

    public long WriteBytes() => ProcStat.TreeWriteBytes(PostmasterPid);

    /// <summary>
    /// Starts the cluster in <paramref name="directory"/>, creating it first if it holds none.
    /// <paramref name="keep"/>: leave the directory on disk when stopped (a loaded database to reuse).
    /// </summary>
    public static PostgresCluster Start(string directory, bool keep)
    {
        var bin = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin"))
                .LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or pass --connection-string.");
        }

        directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(directory, "PG_VERSION")))
        {
            System.IO.Directory.CreateDirectory(directory);
            if (AsRoot)
            {
                Run("chown", $"postgres: {directory}");
            }

            RunTool(bin, "initdb", $"-D {directory} -A trust -U postgres -E UTF8 --locale=C.UTF-8");
        }

        var port = FreePort();
        // shared_buffers 1 GB instead of the 128 MB default: the machine has 23 GB and the million-call database
        // is a few GB; everything else, durability above all, stays at its default.
        RunTool(bin, "pg_ctl", $"-D {directory} -l {directory}/server.log -w -t 120 " +
            $"-o \"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=1GB\" start");
        return new PostgresCluster(bin, directory, port, keep);
    }

    /// <summary>Creates database <paramref name="name"/> unless it exists; answers its connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(string serverConnectionString, string name)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
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
        if (!keep)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static void RunTool(string bin, string tool, string arguments) =>
        Run(AsRoot ? "runuser" : Path.Combine(bin, tool), AsRoot ? $"-u postgres -- {Path.Combine(bin, tool)} {arguments}" : arguments);

    private static void Run(string file, string arguments)
    {
        // From / so that runuser's postgres user can read its working directory.
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/",
        };
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
