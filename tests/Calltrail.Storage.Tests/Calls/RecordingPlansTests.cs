using Calltrail.Live;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Calls;

public sealed class RecordingPlansTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reads_the_committed_plan_with_its_version_and_tenant(DatabaseProvider provider)
    {
        await using var calls = await LiveCalls.CreateAsync(provider);
        var plans = new RecordingPlans(calls.Database.Db);
        await calls.SendAsync(Started("c1"));
        var last = await calls.SendAsync(
            new LiveEvent("c1", 2, LiveEventType.Answered, LiveCalls.ConnectAt) { Employee = "ana" },
            new LiveEvent("c1", 3, LiveEventType.Ended, LiveCalls.ConnectAt + 60_000));

        var plan = (await plans.FindAsync("c1"))!;

        var committed = last.Updates.Single().Plan;
        Assert.Equal((2L, committed.Version, "north", LiveCalls.ConnectAt, true), (plan.Version, plan.Version, plan.Tenant, plan.ConnectedAt, plan.Ended));
        Assert.Equal<PlanSegment>(committed.Segments, plan.Segments);
        Assert.Null(await plans.FindAsync("never-heard-of"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeated_delivery_changes_nothing_and_does_not_count_as_a_version(DatabaseProvider provider)
    {
        await using var calls = await LiveCalls.CreateAsync(provider);
        await calls.SendAsync(Started("c1"));

        var repeated = await calls.SendAsync(Started("c1"));

        Assert.Empty(repeated.Updates);
        Assert.Equal(1, (await new RecordingPlans(calls.Database.Db).FindAsync("c1"))!.Version);
    }

    private static LiveEvent Started(string callId) => new(callId, 1, LiveEventType.Started, LiveCalls.ConnectAt)
    {
        Start = new CallStart(
            Calltrail.Calls.Direction.Inbound,
            Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
            Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
            Calltrail.Calls.Via.TrackingNumber, null, "north", "ana", "sales", false),
    };
}
