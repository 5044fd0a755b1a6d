using System.Diagnostics;
using Calltrail.Calls;
using Calltrail.Decisions;

namespace Calltrail.Service.Benchmarks.Measuring;

/// <summary>
/// How fast the machine is right now, measured just before a run: on a shared virtual machine the same run
/// measured twice an hour apart differed by up to 2×, so every figure carries the CPU speed (ns per decision
/// of the realistic mix, single thread) and the storage's durable-write latency (16 KiB written and fsynced).
/// </summary>
internal sealed record MachineCheck(double NsPerDecision, double FsyncMs)
{
    public static MachineCheck Measure(Scenario[] scenarios, string directory)
    {
        var sample = scenarios.Take(4096).ToArray();
        var fastest = double.MaxValue;
        // Two seconds of passes, the fastest counted: long enough for the JIT's optimized code to take over.
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(2);)
        {
            var started = Stopwatch.GetTimestamp();
            var checksum = 0;
            foreach (var scenario in sample)
            {
                checksum += Decider.Decide(scenario).Spans.Length;
            }

            GC.KeepAlive(checksum);
            fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(started).TotalNanoseconds / sample.Length);
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "fsync-check");
        var block = new byte[16 * 1024];
        var syncs = new List<double>();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < 100; i++)
            {
                var started = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                syncs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        File.Delete(path);
        syncs.Sort();
        return new MachineCheck(fastest, syncs[syncs.Count / 2]);
    }

    public override string ToString() => $"{NsPerDecision:N0} ns/decision, fsync {FsyncMs:N2} ms";
}
