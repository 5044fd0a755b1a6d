using Calltrail.Recorder.Benchmarks.Floor;
using Calltrail.Recorder.Benchmarks.Measuring;
using Calltrail.Recorder.Benchmarks.Pausing;
using Calltrail.Recorder.Benchmarks.Redacting;
using Calltrail.Recorder.Benchmarks.Runs;
using Calltrail.Service.Benchmarks;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks;

public static class Program
{
    private const string Usage =
        """
        Calltrail recorder benchmark: concurrent SIPREC calls against the real server process.

          [--calls 100,500,1000] [--seconds 30] [--warmup 5] [--senders 1] [--configs default,inline,nospin,both]
          [--server-env NAME=VALUE]... [--server PATH/Calltrail.Server.dll] [--work DIR]
              For each configuration and each number of calls: a fresh server, N recorded calls (events,
              a SIPREC INVITE, two 20 ms PCMU streams each), the server's CPU and memory over the measured
              window, then BYE and every recording read back to count missing audio; then the floor — a bare
              UDP receive loop in a child process — over the same traffic. See README.md.

          pause [--setups sqlite,postgres,two-servers] [--pauses 300] [--warmup 20] [--concurrency 4] [--talk-ms 300] [--runs 2]
                [--server-env NAME=VALUE]... [--server PATH/Calltrail.Server.dll] [--work DIR]
              Pause latency: payment event committed -> the recorder stops keeping audio, on one server (SQLite,
              PostgreSQL) and across two servers on one PostgreSQL database. See README.md, "Pause latency".

          redaction [--minutes 10] [--spans 1,10,60] [--repeats 5] [--dirs DIR,...]
              Redaction cost of real recording files: live (RecordingWriter.Redact) and finished (RecordingFile.Redact).

          floor --sockets N
              The floor itself (started by the benchmark).
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["-h" or "--help" or "help", ..])
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var mode = args is [var first, ..] && first is "floor" or "pause" or "redaction" ? first : null;
        if (!Args.TryParse(mode is null ? args : args[1..], out var parsed, out var problem))
        {
            return Refuse(problem);
        }

        try
        {
            return mode switch
            {
                "floor" => await FloorCommand.RunAsync(parsed.Int("sockets", 2)),
                "pause" => await PauseCommand.RunAsync(PauseOptions.From(parsed)),
                "redaction" => RedactionCommand.Run(RedactionOptions.From(parsed)),
                _ => await RunAllAsync(BenchOptions.From(parsed)),
            };
        }
        catch (ArgsException e)
        {
            return Refuse(e.Message);
        }
    }

    private static async Task<int> RunAllAsync(BenchOptions options)
    {
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"measured window {options.Measured.TotalSeconds} s after {options.Warmup.TotalSeconds} s of warm-up, {options.Senders} sender thread(s)");
        var work = options.Work ?? Directory.CreateTempSubdirectory("calltrail-recorder-bench-").FullName;
        Directory.CreateDirectory(work);
        var results = new List<RunResult>();
        foreach (var configuration in options.Configurations)
        {
            foreach (var calls in options.Calls)
            {
                Console.WriteLine($"{configuration.Name} ({configuration.Describe()}), {calls} calls");
                var busy = await Quiet.WaitAsync(busyCores: 0.15, patience: TimeSpan.FromMinutes(3));
                Console.WriteLine($"  machine busy before the run: {100 * busy:N0}% of one core");
                var data = Path.Combine(work, $"run-{results.Count + 1}-{configuration.Name}-{calls}");
                var recorder = await RecorderRun.RunAsync(configuration, calls, options, data);
                // Recordings of a long run are large (32 KB/s a call); the server's log is kept.
                Directory.Delete(data, recursive: true);
                var result = new RunResult(configuration, calls, recorder, await FloorRun.RunAsync(configuration, calls, options));
                results.Add(result);
                Console.WriteLine(Report.Figures([result]));
                Console.WriteLine(Report.Gaps(result));
                foreach (var line in recorder.LogProblems.Take(5))
                {
                    Console.WriteLine($"  server: {line}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(Report.Figures(results));
        Console.WriteLine(Report.Context(results));
        foreach (var run in results.Where(r => r.Calls >= 1000))
        {
            Console.WriteLine(Report.Verdict(run));
        }

        Console.WriteLine($"server logs in {work}");
        return 0;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"calltrail-recorder-bench: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
