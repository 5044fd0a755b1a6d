using System.Text.Json.Nodes;
using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Writing;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.TestKit;
using Dapper;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>
/// Two servers on one PostgreSQL database, each taking part of the same calls' events at the same moment,
/// keep the records one server would: no update lost, no conflict answered "accepted".
/// </summary>
public sealed class TwoServersTests
{
    private const int Calls = 24;
    private const int EventsPerRound = 2;

    [Fact]
    public async Task Events_of_the_same_calls_split_between_two_servers_give_the_records_of_one()
    {
        var example = SpecExamples.Named("06-payment-pause");
        await using var shared = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        await using var alone = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        var scenario = shared.Reader.Read(await File.ReadAllBytesAsync(example.ScenarioPath)).Scenarios.Single();
        await shared.UseSettingsAsync(scenario.Settings, scenario.Employees);
        await alone.UseSettingsAsync(scenario.Settings, scenario.Employees);
        using var second = new SecondServer(shared);
        var rounds = Rounds(scenario, new Random(20_251));

        var batches = new Dictionary<string, int>(StringComparer.Ordinal);
        var versions = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var (toFirst, toSecond) in rounds)
        {
            var results = await Task.WhenAll(
                Task.Run(() => shared.Store.ApplyAsync(Submissions(toFirst), LiveCalls.ConnectAt)),
                Task.Run(() => second.Store.ApplyAsync(Submissions(toSecond), LiveCalls.ConnectAt)));
            foreach (var result in results)
            {
                Assert.All(result.Submissions, s => Assert.Equal(SubmissionOutcome.Accepted, s.Outcome));
                foreach (var update in result.Updates)
                {
                    batches[update.CallId] = batches.GetValueOrDefault(update.CallId) + 1;
                    versions.TryAdd(update.CallId, []);
                    versions[update.CallId].Add(update.PlanVersion);
                }
            }

            await alone.Store.ApplyAsync(Submissions(toFirst), LiveCalls.ConnectAt);
            await alone.Store.ApplyAsync(Submissions(toSecond), LiveCalls.ConnectAt);
        }

        foreach (var (table, orderBy) in new[] { ("call_events", "call_id, sequence"), ("contact_center_log", "call_id"), ("field_service_log", "call_id") })
        {
            Assert.Equal(await TableDump.RowsAsync(alone.Database.Db, table, orderBy), await TableDump.RowsAsync(shared.Database.Db, table, orderBy));
        }

        // The version counts batches, which differ between the runs (an event sent to both servers is stored by
        // whichever comes first, and the other's batch may then have other events of the call to judge, or none);
        // everything else in the row, the plan included, is the same.
        Assert.Equal(await CallsWithoutVersionsAsync(alone.Database.Db), await CallsWithoutVersionsAsync(shared.Database.Db));
        await using var connection = await shared.Database.Db.OpenAsync();
        var stored = (await connection.QueryAsync<(string CallId, long PlanVersion)>("SELECT call_id, plan_version FROM calls"))
            .ToDictionary(r => r.CallId, r => r.PlanVersion);
        Assert.Equal(Calls, stored.Count);
        Assert.All(stored, call => Assert.Equal(batches[call.Key], call.Value));
        Assert.All(versions, call => Assert.Equal(Enumerable.Range(1, call.Value.Count).Select(v => (long)v), call.Value.Order()));
    }

    [Fact]
    public async Task A_conflicting_event_sent_to_both_servers_at_once_is_accepted_by_exactly_one()
    {
        await using var calls = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        using var second = new SecondServer(calls);
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var callId = $"race-{i}";
            await calls.SendAsync(Started(callId));
            var ana = new LiveEvent(callId, 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" };
            var bob = ana with { Employee = "bob" };
            var anaFirst = random.Next(2) == 0;

            var results = await Task.WhenAll(
                Task.Run(() => calls.Store.ApplyAsync([new EventSubmission([anaFirst ? ana : bob], null)], LiveCalls.ConnectAt)),
                Task.Run(() => second.Store.ApplyAsync([new EventSubmission([anaFirst ? bob : ana], null)], LiveCalls.ConnectAt)));

            var outcomes = results.Select(r => r.Submissions.Single().Outcome).ToArray();
            Assert.Single(outcomes, o => o == SubmissionOutcome.Accepted);
            Assert.Single(outcomes, o => o == SubmissionOutcome.Conflict);
            var winner = outcomes[0] == SubmissionOutcome.Accepted ? (anaFirst ? ana : bob) : (anaFirst ? bob : ana);
            await using var connection = await calls.Database.Db.OpenAsync();
            Assert.Equal(
                LiveEventJson.Serialize(winner),
                await connection.ExecuteScalarAsync<string>("SELECT body FROM call_events WHERE call_id = @callId AND sequence = 2", new { callId }));
        }
    }

    [Fact]
    public void A_calls_lock_number_is_fixed_by_its_id_alone()
    {
        // The same in every process: SHA-256's first eight bytes, big-endian.
        Assert.Equal(CallLocks.KeyOf("call-1"), CallLocks.KeyOf("call-1"));
        Assert.NotEqual(CallLocks.KeyOf("call-1"), CallLocks.KeyOf("call-2"));
        Assert.Equal(unchecked((long)0xba7816bf8f01cfeaUL), CallLocks.KeyOf("abc"));
    }

    /// <summary>
    /// Each call's events shuffled and dealt out a few per round; each event goes to one server, or
    /// (a retried delivery) to both.
    /// </summary>
    private static List<(List<LiveEvent> First, List<LiveEvent> Second)> Rounds(Scenario scenario, Random random)
    {
        var perCall = Enumerable.Range(0, Calls)
            .Select(i => ScenarioPlayback.ToEvents(scenario, $"call-{i}", LiveCalls.ConnectAt).OrderBy(_ => random.Next()).ToList())
            .ToList();
        var rounds = new List<(List<LiveEvent>, List<LiveEvent>)>();
        for (var taken = 0; perCall.Any(events => events.Count > taken); taken += EventsPerRound)
        {
            var first = new List<LiveEvent>();
            var second = new List<LiveEvent>();
            foreach (var e in perCall.SelectMany(events => events.Skip(taken).Take(EventsPerRound)))
            {
                switch (random.Next(5))
                {
                    case 0 or 1: first.Add(e); break;
                    case 2 or 3: second.Add(e); break;
                    default: first.Add(e); second.Add(e); break;
                }
            }

            rounds.Add((first, second));
        }

        return rounds;
    }

    private static async Task<List<string>> CallsWithoutVersionsAsync(Db db) =>
        [.. (await TableDump.RowsAsync(db, "calls", "call_id", "plan_version")).Select(text =>
        {
            var row = JsonNode.Parse(text)!.AsObject();
            var plan = JsonNode.Parse(row["plan"]!.GetValue<string>())!.AsObject();
            plan.Remove("version");
            row["plan"] = plan.ToJsonString();
            return row.ToJsonString();
        })];

    private static List<EventSubmission> Submissions(List<LiveEvent> events) => [.. events.Select(e => new EventSubmission([e], null))];

    private static LiveEvent Started(string callId) => new(callId, 1, LiveEventType.Started, LiveCalls.ConnectAt)
    {
        Start = new CallStart(
            Calltrail.Calls.Direction.Inbound,
            Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
            Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
            Calltrail.Calls.Via.TrackingNumber, null, "north", "ana", "sales", false),
    };
}
