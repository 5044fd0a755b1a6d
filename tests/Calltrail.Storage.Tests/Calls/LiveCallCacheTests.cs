using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.TestKit;
using Calltrail.TestKit.Databases;
using Dapper;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>
/// A call store remembers the live calls it committed (their events, their log entries) and writes only
/// what changed. What it writes must be exactly what a store that remembers nothing writes, and what
/// another server on the same database wrote in between must never be hidden by what it remembers.
/// </summary>
public sealed class LiveCallCacheTests
{
    private static readonly string[] Tables = ["call_events", "calls", "contact_center_log", "field_service_log"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_written_from_memory_are_the_records_written_whole(DatabaseProvider provider)
    {
        await using var remembering = await LiveCalls.CreateAsync(provider);
        await using var forgetful = await LiveCalls.CreateAsync(provider);

        foreach (var example in SpecExamples.All)
        {
            var scenario = remembering.Reader.Read(await File.ReadAllBytesAsync(example.ScenarioPath)).Scenarios.Single();
            await remembering.UseSettingsAsync(scenario.Settings, scenario.Employees);
            await forgetful.UseSettingsAsync(scenario.Settings, scenario.Employees);
            // In order, and backwards: the ended event first makes the store forget the call, and the rest read it back.
            var played = ScenarioPlayback.ToEvents(scenario, $"{example.Name}-forwards", LiveCalls.ConnectAt)
                .Concat(ScenarioPlayback.ToEvents(scenario, $"{example.Name}-backwards", LiveCalls.ConnectAt).Reverse());
            foreach (var e in played)
            {
                await remembering.SendAsync(e);
                // A new store for every event: nothing remembered, every row written whole.
                await StoreOf(forgetful).ApplyAsync([new EventSubmission([e], null)], LiveCalls.ConnectAt);
            }
        }

        foreach (var table in Tables)
        {
            Assert.Equal(
                await TableDump.RowsAsync(forgetful.Database.Db, table, "call_id" + (table == "call_events" ? ", sequence" : "")),
                await TableDump.RowsAsync(remembering.Database.Db, table, "call_id" + (table == "call_events" ? ", sequence" : "")));
        }
    }

    [Fact]
    public async Task A_call_another_server_changed_is_read_again_not_taken_from_memory()
    {
        var example = SpecExamples.Named("06-payment-pause");
        await using var shared = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        await using var alone = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        var scenario = shared.Reader.Read(await File.ReadAllBytesAsync(example.ScenarioPath)).Scenarios.Single();
        await shared.UseSettingsAsync(scenario.Settings, scenario.Employees);
        await alone.UseSettingsAsync(scenario.Settings, scenario.Employees);
        using var second = new SecondServer(shared);
        var events = ScenarioPlayback.ToEvents(scenario, "call-1", LiveCalls.ConnectAt);
        Assert.True(events.Count >= 3);

        // The first server remembers the call after its first event; the second server then adds one, so
        // what the first remembers is one plan version behind. Every later event goes to the first again.
        CallUpdate? last = null;
        for (var i = 0; i < events.Count; i++)
        {
            var store = i == 1 ? second.Store : shared.Store;
            last = (await store.ApplyAsync([new EventSubmission([events[i]], null)], LiveCalls.ConnectAt)).Updates.Single();
            await alone.SendAsync(events[i]);
        }

        foreach (var table in Tables)
        {
            Assert.Equal(
                await TableDump.RowsAsync(alone.Database.Db, table, "call_id" + (table == "call_events" ? ", sequence" : "")),
                await TableDump.RowsAsync(shared.Database.Db, table, "call_id" + (table == "call_events" ? ", sequence" : "")));
        }

        await using var connection = await shared.Database.Db.OpenAsync();
        Assert.Equal(events.Count, last!.PlanVersion);
        Assert.Equal(events.Count, await connection.ExecuteScalarAsync<long>("SELECT plan_version FROM calls WHERE call_id = 'call-1'"));
    }

    [Fact]
    public async Task An_event_another_server_stored_is_known_to_the_first_as_stored()
    {
        await using var shared = await LiveCalls.CreateAsync(DatabaseProvider.PostgreSql);
        using var second = new SecondServer(shared);
        var started = new LiveEvent("call-1", 1, LiveEventType.Started, LiveCalls.ConnectAt)
        {
            Start = new CallStart(
                Direction.Inbound,
                Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
                Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
                Via.TrackingNumber, null, "north", "ana", "sales", false),
        };
        var ana = new LiveEvent("call-1", 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" };

        await shared.SendAsync(started);
        await second.Store.ApplyAsync([new EventSubmission([ana], null)], LiveCalls.ConnectAt);

        // Remembering only its own event, the first would store this one again (and fail) or accept the conflict.
        Assert.Equal(new SubmissionResult(SubmissionOutcome.Accepted, 0, 1), (await shared.SendAsync(ana)).Submissions.Single());
        Assert.Equal(SubmissionOutcome.Conflict, (await shared.SendAsync(ana with { Employee = "bob" })).Submissions.Single().Outcome);
    }

    private static CallStore StoreOf(LiveCalls calls) =>
        new(calls.Database.Db, calls.Versions, new LiveEventReader(new PhoneNumberParser()));
}
