using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class AtomicityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_employee_refused_for_an_unknown_queue_leaves_nothing_written(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "dana", 1);
        var version = (await org.Versions.CurrentAsync()).Version;

        // The employee row and the first membership are written before the unknown queue is met.
        var refused = await org.Store.SaveEmployeeAsync(
            "ana", new EmployeeDetails("Ana", true, TestOrganization.Number("+15550103000"), ["sales", "nope"], null), "dana", 2);

        Assert.Equal((RefusalKind.Invalid, "queues[1]", "There is no queue 'nope'."), (refused.Refusal!.Kind, refused.Refusal.Field, refused.Refusal.Message));
        Assert.Null(await org.Store.GetEmployeeAsync("ana"));
        Assert.Equal(0, await org.CountAsync("employees"));
        Assert.Equal(0, await org.CountAsync("employee_queues"));
        Assert.Single(await org.AuditAsync());
        Assert.Equal(version, await org.CountAsync("settings_versions"));
        Assert.Equal(version, (await org.Versions.CurrentAsync()).Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_replacement_refused_half_way_keeps_the_employee_as_it_was(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "dana", 1);
        var original = new EmployeeDetails("Ana", true, null, ["sales"], "agent");
        await org.Store.SaveEmployeeAsync("ana", original, "dana", 2);
        var audited = (await org.AuditAsync()).Count;

        var refused = await org.Store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana B", false, null, ["nope"], null), "dana", 3);

        Assert.Equal(RefusalKind.Invalid, refused.Refusal!.Kind);
        var ana = (await org.Store.GetEmployeeAsync("ana"))!;
        Assert.Equal(("Ana", true, "agent"), (ana.Details.Name, ana.Details.Seat, ana.Details.Role));
        Assert.Equal(["sales"], ana.Details.Queues);
        Assert.Equal(audited, (await org.AuditAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_direct_line_in_use_is_refused_naming_who_has_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, TestOrganization.Number("+15550103000"), [], null), "dana", 1);
        await org.Store.SaveTenantAsync("north", "North", null, "dana", 2);
        await org.Store.SaveTrackingNumberAsync(
            new TrackingNumber(TestOrganization.Number("+15550142000"), "north", new Campaign("Spring mailer", null, null, null)), "dana", 3);

        var sameLine = await org.Store.SaveEmployeeAsync("ben", new EmployeeDetails("Ben", true, TestOrganization.Number("555-010-3000"), [], null), "dana", 4);
        var trackingLine = await org.Store.SaveEmployeeAsync("ben", new EmployeeDetails("Ben", true, TestOrganization.Number("+15550142000"), [], null), "dana", 5);
        var trackingOnLine = await org.Store.SaveTrackingNumberAsync(
            new TrackingNumber(TestOrganization.Number("+15550103000"), "north", new Campaign("Radio", null, null, null)), "dana", 6);

        Assert.Equal((RefusalKind.Conflict, "directLine"), (sameLine.Refusal!.Kind, sameLine.Refusal.Field));
        Assert.Contains("'ana'", sameLine.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal((RefusalKind.Conflict, "directLine"), (trackingLine.Refusal!.Kind, trackingLine.Refusal.Field));
        Assert.Equal((RefusalKind.Conflict, "number"), (trackingOnLine.Refusal!.Kind, trackingOnLine.Refusal.Field));
        Assert.Null(await org.Store.GetEmployeeAsync("ben"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_changes_each_get_their_own_version(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);

        var written = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            org.Store.SaveQueueAsync($"q{i}", $"Queue {i}", "dana", i)));

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), written.Select(w => w.Version).Order());
        var current = await org.Versions.CurrentAsync();
        Assert.Equal(12, current.Version);
        Assert.Equal(12, (await org.Store.ListQueuesAsync()).Count);
    }
}
