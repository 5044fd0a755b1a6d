using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Calltrail.Server.Tests.Support;

/// <summary>
/// The real server as a process of its own (the build next to the tests), for what an in-memory server
/// cannot show: being killed with SIGKILL mid-call and started again on the same data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminToken = "process-admin-token-0123456789";

    private readonly Process process;
    private readonly Task<string> output;

    private ServerProcess(Process process, int httpPort, int sipPort)
    {
        this.process = process;
        HttpPort = httpPort;
        SipPort = sipPort;
        output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
    }

    public int HttpPort { get; }

    public int SipPort { get; }

    /// <param name="settings">More configuration, as <c>--Key=Value</c> arguments (e.g. <c>Database:Provider</c>).</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, int sipPort, params (string Key, string Value)[] settings)
    {
        var httpPort = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Calltrail.Server.dll"), "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Calltrail:DataDirectory={dataDirectory}", $"--Recorder:SipPort={sipPort}",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CALLTRAIL_ADMIN_TOKEN"] = AdminToken;
        var server = new ServerProcess(Process.Start(start)!, httpPort, sipPort);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed or closed by the server.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async Task<string> OutputAsync()
    {
        if (!process.HasExited)
        {
            return "(still running)";
        }

        return await output;
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}: {await output}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not become healthy in 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }
}
