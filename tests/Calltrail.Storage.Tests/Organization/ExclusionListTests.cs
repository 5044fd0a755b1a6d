using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class ExclusionListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_number_already_listed_is_refused_saying_who_added_it_and_when(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.AddExclusionAsync(TestOrganization.Number("+15550109999"), "dana", 1_700_000_000_000);

        var again = await org.Store.AddExclusionAsync(TestOrganization.Number("(555) 010-9999"), "eli", 1_700_000_100_000);

        Assert.False(again.Succeeded);
        Assert.Equal(RefusalKind.Conflict, again.Refusal.Kind);
        Assert.Contains("dana", again.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2023-11-14T22:13:20.000Z", again.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("dana", again.Refusal.Details["addedBy"]);
        Assert.Equal(1_700_000_000_000L, again.Refusal.Details["addedAt"]);
        var entry = Assert.Single(await org.Store.ListExclusionsAsync());
        Assert.Equal(new ExclusionEntry(TestOrganization.Number("+15550109999"), "dana", 1_700_000_000_000), entry);
        Assert.Single(await org.AuditAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Numbers_are_listed_in_E164_and_reach_the_published_settings(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);

        await org.Store.AddExclusionAsync(TestOrganization.Number("555-010-2000"), "dana", 1);
        await org.Store.AddExclusionAsync(TestOrganization.Number("+44 20 7946 0000"), "dana", 2);

        Assert.Equal(["+442079460000", "+15550102000"], (await org.Store.ListExclusionsAsync()).Select(e => e.Number.E164).OrderDescending());
        var published = (await org.Versions.CurrentAsync()).Settings.ContactCenter.ExclusionList;
        Assert.True(published.Contains(TestOrganization.Number("(555) 010-2000")));
        Assert.Equal(2, published.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Removing_a_number_audits_it_and_an_unlisted_number_is_not_found(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.AddExclusionAsync(TestOrganization.Number("+15550109999"), "dana", 1);

        var removed = await org.Store.RemoveExclusionAsync(TestOrganization.Number("+15550109999"), "eli", 2);
        var missing = await org.Store.RemoveExclusionAsync(TestOrganization.Number("+15550109999"), "eli", 3);

        Assert.Equal("dana", removed.Value!.AddedBy);
        Assert.Equal(RefusalKind.NotFound, missing.Refusal!.Kind);
        Assert.Empty(await org.Store.ListExclusionsAsync());
        var latest = (await org.AuditAsync())[0];
        Assert.Equal(("eli", "exclusion-list:+15550109999", "\"+15550109999\"", (string?)null), (latest.Actor, latest.Subject, latest.Before, latest.After));
        Assert.Equal(0, (await org.Versions.CurrentAsync()).Settings.ContactCenter.ExclusionList.Count);
    }
}
