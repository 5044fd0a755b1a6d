using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class TrackingNumberTests
{
    private static readonly Campaign Mailer = new("Spring mailer", "Direct mail", "postcard", "print");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tracking_number_is_kept_in_E164_with_its_tenant_and_campaign(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveTenantAsync("north", "North", null, "dana", 1);

        var saved = await org.Store.SaveTrackingNumberAsync(new TrackingNumber(TestOrganization.Number("(555) 014-2000"), "north", Mailer), "dana", 2);

        Assert.True(saved.Created);
        var found = await org.Store.GetTrackingNumberAsync(TestOrganization.Number("555-014-2000"));
        Assert.Equal(new TrackingNumber(TestOrganization.Number("+15550142000"), "north", Mailer), found);
        Assert.Equal("""{"tenant":"north","campaign":{"name":"Spring mailer","category":"Direct mail","source":"postcard","medium":"print"}}""",
            (await org.AuditAsync())[0].After);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tracking_number_of_an_unknown_tenant_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);

        var refused = await org.Store.SaveTrackingNumberAsync(new TrackingNumber(TestOrganization.Number("+15550142000"), "north", Mailer), "dana", 1);

        Assert.Equal((RefusalKind.Invalid, "tenant"), (refused.Refusal!.Kind, refused.Refusal.Field));
        Assert.Equal(0, await org.CountAsync("tracking_numbers"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_caller_limited_to_some_tenants_sees_and_changes_only_their_numbers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveTenantAsync("north", "North", null, "dana", 1);
        await store.SaveTenantAsync("south", "South", null, "dana", 2);
        var northNumber = TestOrganization.Number("+15550142000");
        var southNumber = TestOrganization.Number("+15550143000");
        await store.SaveTrackingNumberAsync(new TrackingNumber(northNumber, "north", Mailer), "dana", 3);
        await store.SaveTrackingNumberAsync(new TrackingNumber(southNumber, "south", Mailer), "dana", 4);
        string[] onlyNorth = ["north"];

        Assert.Equal([northNumber], (await store.ListTrackingNumbersAsync(withinTenants: onlyNorth)).Select(n => n.Number));
        Assert.Empty(await store.ListTrackingNumbersAsync("south", onlyNorth));
        Assert.Null(await store.GetTrackingNumberAsync(southNumber, onlyNorth));
        var deleteSouth = await store.DeleteTrackingNumberAsync(southNumber, "nora", 5, onlyNorth);
        var takeSouth = await store.SaveTrackingNumberAsync(new TrackingNumber(southNumber, "north", Mailer), "nora", 6, onlyNorth);
        var moveToSouth = await store.SaveTrackingNumberAsync(new TrackingNumber(northNumber, "south", Mailer), "nora", 7, onlyNorth);

        Assert.Equal(RefusalKind.NotFound, deleteSouth.Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, takeSouth.Refusal!.Kind);
        Assert.Equal((RefusalKind.Invalid, "tenant"), (moveToSouth.Refusal!.Kind, moveToSouth.Refusal.Field));
        Assert.Equal("south", (await store.GetTrackingNumberAsync(southNumber))!.Tenant);
        Assert.Equal("north", (await store.GetTrackingNumberAsync(northNumber))!.Tenant);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Numbers_list_by_tenant(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveTenantAsync("north", "North", null, "dana", 1);
        await org.Store.SaveTenantAsync("south", "South", null, "dana", 1);
        await org.Store.SaveTrackingNumberAsync(new TrackingNumber(TestOrganization.Number("+15550142001"), "north", Mailer), "dana", 2);
        await org.Store.SaveTrackingNumberAsync(new TrackingNumber(TestOrganization.Number("+15550142000"), "north", Mailer), "dana", 3);
        await org.Store.SaveTrackingNumberAsync(new TrackingNumber(TestOrganization.Number("+15550143000"), "south", Mailer), "dana", 4);

        Assert.Equal(["+15550142000", "+15550142001"], (await org.Store.ListTrackingNumbersAsync("north")).Select(n => n.Number.E164));
        Assert.Equal(3, (await org.Store.ListTrackingNumbersAsync()).Count);
    }
}
