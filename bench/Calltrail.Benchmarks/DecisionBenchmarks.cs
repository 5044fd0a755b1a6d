using BenchmarkDotNet.Attributes;
using Calltrail.Calls;
using Calltrail.Decisions;

namespace Calltrail.Benchmarks;

/// <summary>
/// Decides the whole <see cref="RealisticMix"/> on one thread per invocation. OperationsPerInvoke makes
/// BenchmarkDotNet report Mean as time per decision and Allocated as bytes per decision.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private const int Decisions = 4096;

    private Scenario[] scenarios = [];

    [GlobalSetup]
    public void BuildMix() => scenarios = RealisticMix.Build(Decisions);

    [Benchmark(OperationsPerInvoke = Decisions)]
    public long DecideRealisticMix()
    {
        // Folding every verdict into a returned checksum keeps the JIT from discarding the work.
        var checksum = 0L;
        foreach (var scenario in scenarios)
        {
            var verdict = Decider.Decide(scenario);
            checksum = (checksum * 31) + (int)verdict.Path + verdict.Reasons.GetHashCode() + verdict.Spans.Length
                + (verdict.Recorded.ContactCenter ? 2 : 0) + (verdict.Recorded.FieldService ? 4 : 0) + verdict.Paused.Length;
        }

        return checksum;
    }
}
