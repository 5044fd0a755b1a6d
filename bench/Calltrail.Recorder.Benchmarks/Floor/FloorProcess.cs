using System.Diagnostics;
using System.Globalization;

namespace Calltrail.Recorder.Benchmarks.Floor;

/// <summary>The floor as a separate process (this program's <c>floor</c> mode), so its CPU is read from /proc like the server's.</summary>
public sealed class FloorProcess : IDisposable
{
    private readonly Process process;

    private FloorProcess(Process process, IReadOnlyList<int> ports)
    {
        this.process = process;
        Ports = ports;
    }

    public IReadOnlyList<int> Ports { get; }

    public int Pid => process.Id;

    /// <summary>Starts <c>dotnet &lt;this dll&gt; floor --sockets N</c> with the same runtime environment the server gets.</summary>
    public static async Task<FloorProcess> StartAsync(int sockets, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(FloorProcess).Assembly.Location, "floor", "--sockets", sockets.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the floor");
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the floor exited before listening");
        var ports = line.Split(' ').Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        return new FloorProcess(process, ports);
    }

    /// <summary>Stops receiving; returns how many datagrams the floor received in all.</summary>
    public async Task<long> StopAsync()
    {
        await process.StandardInput.WriteLineAsync("stop");
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync() ?? "";
        await process.WaitForExitAsync();
        return line.StartsWith("received ", StringComparison.Ordinal) ? long.Parse(line[9..], CultureInfo.InvariantCulture) : -1;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
