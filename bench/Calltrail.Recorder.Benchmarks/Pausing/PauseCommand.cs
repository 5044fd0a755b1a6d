using Calltrail.Recorder.Benchmarks.Measuring;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks.Pausing;

/// <summary><c>pause</c>: every setup, <c>--runs</c> times each, then the tables.</summary>
public static class PauseCommand
{
    public static async Task<int> RunAsync(PauseOptions options)
    {
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"{options.Pauses} pauses per run ({options.WarmupPauses} more first as warm-up), {options.Concurrency} at a time, {options.TalkMs} ms of audio before each");
        var work = options.Work ?? Directory.CreateTempSubdirectory("calltrail-pause-bench-").FullName;
        Directory.CreateDirectory(work);
        var results = new List<PauseFigures>();
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var setup in options.Setups)
            {
                Console.WriteLine($"{PauseReport.Name(setup)}, run {run}");
                var busy = await Quiet.WaitAsync(busyCores: 0.15, patience: TimeSpan.FromSeconds(30));
                Console.WriteLine($"  machine busy before the run: {100 * busy:N0}% of one core");
                var figures = await PauseRun.RunAsync(setup, run, options, work);
                results.Add(figures);
                Console.WriteLine(PauseReport.Latency([figures]));
                foreach (var failure in figures.Failures.Take(5))
                {
                    Console.WriteLine($"  failed: {failure}");
                }

                foreach (var line in figures.LogProblems.Take(5))
                {
                    Console.WriteLine($"  server: {line}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(PauseReport.Latency(results));
        Console.WriteLine(PauseReport.Parts(results));
        foreach (var verdict in PauseReport.Verdicts(results))
        {
            Console.WriteLine(verdict);
        }

        Console.WriteLine($"server logs and data in {work}");
        return results.Any(r => r.Failures.Count > 0) ? 1 : 0;
    }
}
