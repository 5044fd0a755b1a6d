using System.Diagnostics;
using Calltrail.Benchmarks;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Service.Benchmarks.Hosting;
using Calltrail.Service.Benchmarks.Workload;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Dapper;

namespace Calltrail.Service.Benchmarks.Query;

/// <summary>
/// Fills a database with realistic calls through the service's own write path, <see cref="CallStore.ApplyAsync"/>,
/// in large batches (one lifecycle per submission, 500 per transaction) instead of over HTTP: the same rows the
/// server would write, much faster. Calls are spread evenly over <see cref="Days"/> days, each a realistic-mix
/// scenario with the field-service events added (<see cref="Lifecycles.WithTracking"/>). Deterministic: the same
/// count always gives the same database, and an interrupted load resumes where its last transaction committed.
/// </summary>
internal static class Loader
{
    public const int Days = 90;

    private const int BatchSize = 500;

    /// <summary>The first moment of the loaded period (UTC); the last call starts just before <see cref="End"/>.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 8, 26, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset End => Start.AddDays(Days);

    public static async Task EnsureLoadedAsync(Target target, int calls)
    {
        using var db = target.Open();
        await OrganizationSeed.SeedAsync(db, Start.ToUnixTimeMilliseconds());
        long stored;
        await using (var connection = await db.OpenAsync())
        {
            stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM calls");
        }

        if (stored >= calls)
        {
            Console.WriteLine($"load: {stored:N0} calls already stored; reusing them");
            return;
        }

        Console.WriteLine($"load: {stored:N0} calls stored, loading {calls - stored:N0} more (building {calls:N0} scenarios first)");
        var scenarios = RealisticMix.Build(calls);
        var phones = new PhoneNumberParser();
        var store = new CallStore(db, new SettingsVersions(db, new ScenarioReader(phones)), new LiveEventReader(phones));
        var random = new Random(20_250_602);
        var spacingMs = (End - Start).TotalMilliseconds / calls;
        var batch = new List<EventSubmission>(BatchSize);
        var clock = Stopwatch.StartNew();
        var loaded = 0L;
        for (var i = 0; i < calls; i++)
        {
            // Randoms are drawn for skipped calls too, so a resumed load continues the same sequence.
            var connectAt = Start.ToUnixTimeMilliseconds() + (long)((i + random.NextDouble()) * spacingMs);
            var events = Lifecycles.WithTracking(Lifecycles.Play(scenarios[i], $"call-{i:D7}", connectAt), random);
            if (i < stored)
            {
                continue;
            }

            batch.Add(new EventSubmission(events, null));
            if (batch.Count == BatchSize || i == calls - 1)
            {
                var result = await store.ApplyAsync(batch, events[^1].At);
                if (result.Submissions.Any(s => s.Outcome != SubmissionOutcome.Accepted))
                {
                    throw new InvalidOperationException($"load: a submission was refused: {result.Submissions.First(s => s.Outcome != SubmissionOutcome.Accepted).Problem}");
                }

                loaded += batch.Count;
                batch.Clear();
                if (loaded % 50_000 == 0 || i == calls - 1)
                {
                    Console.WriteLine($"load: {stored + loaded:N0} calls stored, {loaded / clock.Elapsed.TotalSeconds:N0} calls/s");
                }
            }
        }

        await using (var connection = await db.OpenAsync())
        {
            // What a running database does on its own in time: PostgreSQL's autovacuum analyzes the new rows;
            // SQLite folds the write-ahead log back into the file. (SQLite is not ANALYZEd: the server never does it.)
            await connection.ExecuteAsync(db.Provider == DatabaseProvider.PostgreSql ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE)", commandTimeout: 3600);
        }

        Console.WriteLine($"load: done in {clock.Elapsed.TotalMinutes:N1} min");
    }
}
