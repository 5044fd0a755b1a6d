using Calltrail.Recorder.Benchmarks.Measuring;
using Calltrail.Recorder.Benchmarks.Media;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>What streaming measured: the steady window's CPU and packet rate, memory at its end, and the whole stream's totals.</summary>
public sealed record TrafficFigures(CpuWindow Cpu, double PacketsPerSecond, Memory Memory, long Sent, long SendErrors, UdpCounters Kernel);

/// <summary>
/// Streams every call's audio to a receiving process and measures it: a warm-up (sessions settle, the
/// JIT and thread pool reach their steady state), then the measured window, then a second more of
/// traffic so the window never sees the senders stop.
/// </summary>
public static class Traffic
{
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(1);

    // After the last packet: the recorder's reorder window (200 ms) and a few 50 ms ticks.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1);

    public static async Task<TrafficFigures> RunAsync(int pid, IReadOnlyList<(RtpStream Caller, RtpStream Agent)> calls, BenchOptions options)
    {
        var kernelBefore = UdpCounters.Read();
        var sending = new Pacer(calls, options.Senders).RunAsync(options.Warmup + options.Measured + Tail);
        await Task.Delay(options.Warmup);
        var sentBefore = Sent(calls);
        var from = CpuSample.Take(pid);
        await Task.Delay(options.Measured);
        var to = CpuSample.Take(pid);
        var sentInWindow = Sent(calls) - sentBefore;
        var memory = Memory.Of(pid);
        await sending;
        await Task.Delay(Drain);
        var cpu = CpuSample.Between(from, to);
        return new TrafficFigures(cpu, sentInWindow / cpu.Seconds, memory, Sent(calls),
            calls.Sum(c => c.Caller.SendErrors + c.Agent.SendErrors), UdpCounters.Read() - kernelBefore);
    }

    private static long Sent(IReadOnlyList<(RtpStream Caller, RtpStream Agent)> calls) => calls.Sum(c => c.Caller.Sent + c.Agent.Sent);

    /// <summary>Two streams per call to the given ports, each with its own SSRC and the caller's or the agent's tone.</summary>
    public static (RtpStream Caller, RtpStream Agent)[] Streams(IEnumerable<(int CallerPort, int AgentPort)> ports) =>
        [.. ports.Select((p, i) => (new RtpStream(p.CallerPort, (uint)(2 * i) + 1, Tone.Caller), new RtpStream(p.AgentPort, (uint)(2 * i) + 2, Tone.Agent)))];
}
