using Calltrail.Service.Benchmarks.Ingest;
using Calltrail.Service.Benchmarks.Measuring;
using Calltrail.Service.Benchmarks.Query;

namespace Calltrail.Service.Benchmarks;

public static class Program
{
    private const string Usage =
        """
        Calltrail service benchmark: the real server process, measured over HTTP.

          ingest --provider sqlite|postgresql [--seconds 30] [--warmup 10] [--concurrency 16,64,256]
                 [--shape events|lifecycle|both] [--connection-string CS] [--token admin|telephony]
                 [--server-env NAME=VALUE]... [--pg-server-options 'Max Auto Prepare=64'] [--work DIR]
                 [--server PATH/Calltrail.Server.dll]
              Live-call ingestion: N simulated telephony connections post realistic call lifecycles
              (one request per event, or one request per lifecycle), every answer a durable commit.
              Each run: fresh database, fresh server; afterwards the server is killed (SIGKILL) and
              the database is checked against every call sent. --work DIR keeps the servers' logs.

          query --provider sqlite|postgresql --db PATH [--calls 1000000] [--runs 200] [--warmup-runs 20]
                [--connection-string CS] [--server-env NAME=VALUE]... [--server PATH/Calltrail.Server.dll]
              Loads PATH with --calls realistic calls once (reused when already loaded), starts the
              server on it and times the call logs' common filtered queries.

        PostgreSQL: without --connection-string the harness starts a private cluster (initdb/pg_ctl).
        See bench/Calltrail.Service.Benchmarks/README.md.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (!Args.TryParse(args[1..], out var options, out var problem))
        {
            Console.Error.WriteLine($"calltrail-service-bench: {problem}");
            return 2;
        }

        try
        {
            Console.WriteLine(Machine.Describe());
            return args[0] switch
            {
                "ingest" => await IngestCommand.RunAsync(options),
                "query" => await QueryCommand.RunAsync(options),
                _ => Refuse($"unknown mode '{args[0]}'; use ingest or query"),
            };
        }
        catch (ArgsException e)
        {
            return Refuse(e.Message);
        }
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"calltrail-service-bench: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
