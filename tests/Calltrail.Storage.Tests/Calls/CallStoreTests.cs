using System.Text;
using Calltrail.Live;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.TestKit;
using Calltrail.TestKit.Databases;
using Dapper;

namespace Calltrail.Storage.Tests.Calls;

public sealed class CallStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.ExamplesOnBothEngines), MemberType = typeof(TestDatabase))]
    public async Task Every_example_played_live_reads_back_as_its_verdict(DatabaseProvider provider, string name)
    {
        var example = SpecExamples.Named(name);
        await using var calls = await LiveCalls.CreateAsync(provider);
        var scenario = calls.Reader.Read(await File.ReadAllBytesAsync(example.ScenarioPath)).Scenarios.Single();

        var call = await calls.PlayAsync(scenario, $"call-{name}");

        VerdictAssert.Equivalent(await File.ReadAllTextAsync(example.VerdictPath), ReadBack.VerdictJson(call)!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Events_delivered_twice_and_out_of_order_give_the_same_records(DatabaseProvider provider)
    {
        var example = SpecExamples.Named("06-payment-pause");
        await using var calls = await LiveCalls.CreateAsync(provider);
        var scenario = calls.Reader.Read(await File.ReadAllBytesAsync(example.ScenarioPath)).Scenarios.Single();
        await calls.UseSettingsAsync(scenario.Settings, scenario.Employees);
        var events = ScenarioPlayback.ToEvents(scenario, "in-order", LiveCalls.ConnectAt);
        var shuffled = ScenarioPlayback.ToEvents(scenario, "shuffled", LiveCalls.ConnectAt).Reverse().ToList();

        foreach (var e in events)
        {
            await calls.SendAsync(e);
        }

        foreach (var e in shuffled.Concat(shuffled.Take(3)))
        {
            var result = await calls.SendAsync(e);
            Assert.Equal(SubmissionOutcome.Accepted, result.Submissions.Single().Outcome);
        }

        var a = (await calls.Queries.CallAsync("in-order", null))!;
        var b = (await calls.Queries.CallAsync("shuffled", null))!;
        Assert.Equal(ReadBack.VerdictJson(a), ReadBack.VerdictJson(b));
        Assert.Equal(a.ContactCenter! with { CallId = "x" }, b.ContactCenter! with { CallId = "x" }, new JsonRecordComparer());
        Assert.Equal(a.FieldService! with { CallId = "x" }, b.FieldService! with { CallId = "x" }, new JsonRecordComparer());
        await using var connection = await calls.Database.Db.OpenAsync();
        Assert.Equal(events.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM call_events WHERE call_id = 'shuffled'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reused_sequence_number_with_other_content_is_a_conflict_and_stores_nothing_of_the_request(DatabaseProvider provider)
    {
        await using var calls = await LiveCalls.CreateAsync(provider);
        var started = Started("c1", "north");
        await calls.SendAsync(started);

        var result = await calls.SendAsync(
            new LiveEvent("c1", 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" },
            started with { Start = started.Start! with { Queue = "billing" } });

        var outcome = result.Submissions.Single();
        Assert.Equal(SubmissionOutcome.Conflict, outcome.Outcome);
        Assert.Contains("sequence 1", outcome.Problem);
        await using var connection = await calls.Database.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM call_events WHERE call_id = 'c1'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tenant_limited_sender_cannot_touch_another_tenants_call(DatabaseProvider provider)
    {
        await using var calls = await LiveCalls.CreateAsync(provider);
        await calls.SendAsync(Started("south-call", "south"));

        var intruding = await calls.SendAsync(["north"], new LiveEvent("south-call", 2, LiveEventType.Ended, LiveCalls.ConnectAt + 5_000));
        var ownCall = await calls.SendAsync(["north"], Started("north-call", "north"));
        var noStartYet = await calls.SendAsync(["north"], new LiveEvent("unknown-call", 2, LiveEventType.Ended, LiveCalls.ConnectAt));

        Assert.Equal(SubmissionOutcome.Forbidden, intruding.Submissions.Single().Outcome);
        Assert.Equal(SubmissionOutcome.Accepted, ownCall.Submissions.Single().Outcome);
        Assert.Equal(SubmissionOutcome.Forbidden, noStartYet.Submissions.Single().Outcome);
        Assert.Equal("live", (await calls.Queries.CallAsync("south-call", null))!.Status);
        Assert.Null(await calls.Queries.CallAsync("south-call", ["north"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dialed_tracking_number_gives_the_tenant_and_campaign(DatabaseProvider provider)
    {
        await using var calls = await LiveCalls.CreateAsync(provider);
        await using (var connection = await calls.Database.Db.OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE tenants SET name = 'North Plumbing' WHERE id = 'north'");
            await connection.ExecuteAsync(
                "INSERT INTO tracking_numbers VALUES ('+15550142000', 'north', 'Spring mailer', 'direct-mail', 'postcard', 'offline')");
        }

        await calls.SendAsync(
            Started("c1", tenant: null),
            new LiveEvent("c1", 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" },
            new LiveEvent("c1", 3, LiveEventType.Ended, LiveCalls.ConnectAt + 75_000));

        var call = (await calls.Queries.CallAsync("c1", null))!;
        Assert.Equal("north", call.Tenant);
        Assert.Equal(new CampaignView("Spring mailer", "direct-mail", "postcard", "offline"), call.FieldService!.Campaign);
        Assert.Equal("unbooked", call.FieldService.Classification);
        Assert.Equal(75_000, call.FieldService.DurationMs);
        Assert.Equal("Spring mailer", call.ContactCenter!.Campaign);
    }

    private static LiveEvent Started(string callId, string? tenant) => new(callId, 1, LiveEventType.Started, LiveCalls.ConnectAt)
    {
        Start = new CallStart(
            Calltrail.Calls.Direction.Inbound,
            Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
            Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
            Calltrail.Calls.Via.TrackingNumber, null, tenant, "ana", "sales", false),
    };

    /// <summary>Records holding JSON elements compare by their JSON text.</summary>
    private sealed class JsonRecordComparer : IEqualityComparer<LogEntryView>
    {
        public bool Equals(LogEntryView? x, LogEntryView? y) => Text(x) == Text(y);

        public int GetHashCode(LogEntryView obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(LogEntryView? view) =>
            Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, view?.GetType() ?? typeof(object)));
    }
}
