using Calltrail.Recorder.Benchmarks.Floor;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>The floor's side of one run: the same traffic into a bare receive loop.</summary>
public sealed record FloorFigures(TrafficFigures Traffic, long Received);

public static class FloorRun
{
    public static async Task<FloorFigures> RunAsync(Configuration configuration, int calls, BenchOptions options)
    {
        using var floor = await FloorProcess.StartAsync(2 * calls, configuration.Environment);
        Console.WriteLine($"  floor pid {floor.Pid}, {floor.Ports.Count} sockets");
        var streams = Traffic.Streams(floor.Ports.Chunk(2).Select(p => (p[0], p[1])));
        var traffic = await Traffic.RunAsync(floor.Pid, streams, options);
        return new FloorFigures(traffic, await floor.StopAsync());
    }
}
