using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Service.Benchmarks.Hosting;

/// <summary>
/// The real Calltrail server as a separate process (<c>dotnet Calltrail.Server.dll</c>, Release), so that
/// its CPU and memory are its own and nothing of the harness runs inside it. Its output goes to a log file.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address, string logPath)
    {
        this.process = process;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }

    public string LogPath { get; }

    public int Pid => process.Id;

    /// <summary>Starts the server with <paramref name="environment"/> and waits until <c>GET /health</c> answers.</summary>
    /// <param name="dll">Another build of the server (<c>--server</c>), to compare two builds; null: this repository's Release build.</param>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string logPath, string? dll = null)
    {
        dll = dll is null ? ServerDll() : Path.GetFullPath(dll);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        // exec: the shell becomes the server, so the PID we hold is the server's (for /proc and for kill).
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec dotnet \"$0\" --urls \"$1\" >>\"$2\" 2>&1", dll, address.ToString(), logPath])
        {
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, address, logPath);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited ({process.ExitCode}) while starting:\n{server.LogTail()}");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        server.Kill();
        throw new InvalidOperationException($"the server did not answer /health within 60 s:\n{server.LogTail()}");
    }

    /// <summary>A client for the API with the bearer token set; keep-alive connections, up to <paramref name="connections"/> of them.</summary>
    public HttpClient Client(string token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public double CpuSeconds() => ProcStat.CpuSeconds(Pid);

    public double PeakRssMiB() => ProcStat.PeakRssMiB(Pid);

    /// <summary>SIGKILL: no graceful shutdown, so whatever the server answered 200 must already be on disk.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public string LogTail(int lines = 30) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>
    /// The Release build of the server. Building this project builds it too (a ProjectReference that
    /// references no assembly); the harness refuses a Debug server rather than measure one.
    /// </summary>
    private static string ServerDll()
    {
        var dll = Path.Combine(Repository.Root, "src/Calltrail.Server/bin/Release/net10.0/Calltrail.Server.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: run with 'dotnet run -c Release', or 'dotnet build -c Release src/Calltrail.Server' first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The repository the harness runs from: the nearest directory upwards holding Calltrail.slnx.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("Run the benchmark from inside the Calltrail repository (no Calltrail.slnx found upwards).");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Calltrail.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
