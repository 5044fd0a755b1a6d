using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Calltrail.TestKit.Databases;

/// <summary>
/// A PostgreSQL server for the tests, from the Debian package: the one test.sh started (its connection
/// string in <c>CALLTRAIL_TEST_POSTGRES</c>), or else a private cluster this process starts in a
/// temporary directory and stops on exit. Missing binaries are an error, never a reason to skip.
/// </summary>
public static class PrivatePostgres
{
    public const string EnvironmentVariable = "CALLTRAIL_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string for a superuser on the test server.</summary>
    public static string ConnectionString => Server.Value;

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run ./test.sh, which installs it, or apt-get install postgresql.");
        }

        var dir = Path.Combine(Path.GetTempPath(), $"calltrail-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres {dir}");
        }

        var port = FreePort();
        Run(bin, "initdb", $"-D {dir} -A trust -U postgres --no-sync", asRoot);
        Run(bin, "pg_ctl", $"-D {dir} -l {dir}/server.log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(bin, "pg_ctl", $"-D {dir} -m immediate stop", asRoot);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // Best effort at exit: a leftover temp directory is harmless.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string bin, string tool, string arguments, bool asRoot) =>
        Run(asRoot ? "runuser" : Path.Combine(bin, tool), asRoot ? $"-u postgres -- {Path.Combine(bin, tool)} {arguments}" : arguments);

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
