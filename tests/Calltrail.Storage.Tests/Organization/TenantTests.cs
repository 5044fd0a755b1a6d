using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class TenantTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_tenant_has_the_field_service_defaults_and_a_rename_keeps_its_settings(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var onDemand = new FieldServiceSettings { Outbound = RecordingMode.OnDemand, Continuity = new Continuity(true, ContinuityDestination.ExternalNumber) };

        var created = await org.Store.SaveTenantAsync("north", "North Plumbing", null, "dana", 1);
        await org.Store.SetFieldServiceAsync("north", onDemand, "dana", 2);
        var renamed = await org.Store.SaveTenantAsync("north", "North Plumbing & Heating", null, "dana", 3);

        Assert.True(created.Created);
        Assert.Equal(FieldServiceSettings.Default, created.Value!.FieldService);
        Assert.False(renamed.Created);
        Assert.Equal(new Tenant("north", "North Plumbing & Heating", onDemand), await org.Store.GetTenantAsync("north"));
        Assert.Equal(onDemand, (await org.Versions.CurrentAsync()).Settings.FieldService["north"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tenant_with_tracking_numbers_cannot_be_deleted_until_they_are_gone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveTenantAsync("north", "North", null, "dana", 1);
        var number = TestOrganization.Number("+15550142000");
        await org.Store.SaveTrackingNumberAsync(new TrackingNumber(number, "north", new Campaign("Mailer", null, null, null)), "dana", 2);

        var refused = await org.Store.DeleteTenantAsync("north", "dana", 3);
        await org.Store.DeleteTrackingNumberAsync(number, "dana", 4);
        var deleted = await org.Store.DeleteTenantAsync("north", "dana", 5);
        var missing = await org.Store.DeleteTenantAsync("north", "dana", 6);

        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.Contains("1 tracking number", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("North", deleted.Value!.Name);
        Assert.Equal(RefusalKind.NotFound, missing.Refusal!.Kind);
        Assert.Empty(await org.Store.ListTenantsAsync());
        Assert.Empty((await org.Versions.CurrentAsync()).Settings.FieldService);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Field_service_settings_of_an_unknown_tenant_are_not_found(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);

        var refused = await org.Store.SetFieldServiceAsync("north", FieldServiceSettings.Default, "dana", 1);

        Assert.Equal(RefusalKind.NotFound, refused.Refusal!.Kind);
        Assert.Equal(0, await org.CountAsync("tenants"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ids_are_kept_exactly_and_listed_in_ordinal_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        foreach (var id in new[] { "south", "North", "north", "ñandú", "a b.c:d" })
        {
            await org.Store.SaveTenantAsync(id, id.ToUpperInvariant(), null, "dana", 1);
        }

        Assert.Equal(["North", "a b.c:d", "north", "south", "ñandú"], (await org.Store.ListTenantsAsync()).Select(t => t.Id));
    }

    [Fact]
    public void Ids_must_be_printable_and_short()
    {
        Assert.Null(OrganizationNames.Problem("north"));
        Assert.Null(OrganizationNames.Problem(new string('x', 200)));
        Assert.Equal("must be at most 200 characters", OrganizationNames.Problem(new string('x', 201)));
        Assert.Equal("must not be empty", OrganizationNames.Problem(""));
        Assert.Equal("must not be empty", OrganizationNames.Problem("  "));
        Assert.Equal("must not contain control characters", OrganizationNames.Problem("north\n"));
    }
}
