using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class AuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_change_records_when_who_what_and_the_value_before_and_after(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;

        await store.SaveQueueAsync("sales", "Sales", "dana", 10);
        await store.SetQueueRecordingAsync("sales", new QueueSetting(false), "eli", 20);
        await store.ResetQueueRecordingAsync("sales", "eli", 30);
        await store.ChangeContactCenterAsync(new ContactCenterChange(UserOutbound: false), "fay", 40);
        await store.AddExclusionAsync(TestOrganization.Number("(555) 010-9999"), "gus", 50);
        await store.SaveTenantAsync("north", "North", new FieldServiceSettings { Outbound = RecordingMode.OnDemand }, "hal", 60);

        var audit = await org.AuditAsync();

        Assert.Equal(
            [
                (60L, "hal", "tenant:north.fieldService", null,
                    """{"inbound":"automatically","outbound":"on-demand","usesContactCenter":true,"continuity":{"enabled":false,"destination":"voice-agent"}}"""),
                (60L, "hal", "tenant:north", null, """{"name":"North"}"""),
                (50L, "gus", "exclusion-list:+15550109999", null, "\"+15550109999\""),
                (40L, "fay", "contact-center.defaults",
                    """{"queue":{"record":true},"user":{"inbound":true,"outbound":true}}""",
                    """{"queue":{"record":true},"user":{"inbound":true,"outbound":false}}"""),
                (30L, "eli", "queue:sales.recording", """{"record":false}""", null),
                (20L, "eli", "queue:sales.recording", null, """{"record":false}"""),
                (10L, "dana", "queue:sales", null, """{"name":"Sales"}"""),
            ],
            audit.Select(a => (a.At, a.Actor, a.Subject, a.Before, a.After)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_to_the_same_value_writes_no_audit_row_and_no_version(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "dana", 10);
        var first = await org.Store.SetQueueRecordingAsync("sales", new QueueSetting(false), "dana", 20);

        var again = await org.Store.SetQueueRecordingAsync("sales", new QueueSetting(false), "dana", 30);
        var sameDefaults = await org.Store.ChangeContactCenterAsync(new ContactCenterChange(QueueRecord: true), "dana", 40);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, sameDefaults.Version);
        Assert.Equal(2, (await org.AuditAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_pages_newest_first(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        foreach (var i in Enumerable.Range(1, 5))
        {
            await org.Store.SaveQueueAsync($"q{i}", $"Queue {i}", "dana", i);
        }

        var first = await org.Store.ReadAuditAsync(2);
        var second = await org.Store.ReadAuditAsync(2, before: first[^1].Id);
        var last = await org.Store.ReadAuditAsync(2, before: second[^1].Id);

        Assert.Equal(["queue:q5", "queue:q4", "queue:q3", "queue:q2", "queue:q1"], first.Concat(second).Concat(last).Select(a => a.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_queue_audits_its_members_leaving_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveQueueAsync("sales", "Sales", "dana", 1);
        await store.SetQueueRecordingAsync("sales", new QueueSetting(true), "dana", 2);
        await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, null, ["sales"], null), "dana", 3);

        var deleted = await store.DeleteQueueAsync("sales", "eli", 4);

        Assert.True(deleted.Succeeded);
        Assert.Empty((await store.GetEmployeeAsync("ana"))!.Details.Queues);
        var audit = (await org.AuditAsync()).Where(a => a.At == 4).Select(a => (a.Subject, a.Before, a.After)).OrderBy(a => a.Subject);
        Assert.Equal(
            [
                ("employee:ana", """{"name":"Ana","seat":true,"directLine":null,"queues":["sales"],"role":null}""",
                    """{"name":"Ana","seat":true,"directLine":null,"queues":[],"role":null}"""),
                ("queue:sales", """{"name":"Sales"}""", null),
                ("queue:sales.recording", """{"record":true}""", null),
            ],
            audit);
        Assert.Empty((await org.Versions.CurrentAsync()).Settings.ContactCenter.Queues);
    }
}
