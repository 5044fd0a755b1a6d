using System.Collections.Frozen;
using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class ImportExportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.ExamplesOnBothEngines), MemberType = typeof(TestDatabase))]
    public async Task Importing_an_examples_settings_then_exporting_gives_them_back(DatabaseProvider provider, string example)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var scenario = ReadExample(example);

        var imported = await org.Store.ImportAsync(scenario.Settings, scenario.Employees, TestOrganization.Actor, 1000);
        var exported = await org.Store.ExportAsync();

        // Importing creates the employees the settings name; unlisted, an employee has a seat, as the format says.
        var employees = scenario.Employees.ToDictionary();
        foreach (var user in scenario.Settings.ContactCenter.Users.Keys)
        {
            employees.TryAdd(user, new Employee(Seat: true));
        }

        Assert.Equal(OrganizationJson.Serialize(scenario.Settings, employees), OrganizationJson.Serialize(exported.Settings, exported.Employees));
        Assert.Equal(imported.Version, exported.Version);
        var published = await org.Versions.CurrentAsync();
        Assert.Equal(imported.Version, published.Version);
        Assert.Equal(OrganizationJson.Serialize(exported.Settings, exported.Employees), OrganizationJson.Serialize(published.Settings, published.Employees));
        org.Versions.Refresh();
        var stored = await org.Versions.CurrentAsync();
        Assert.Equal(OrganizationJson.Serialize(exported.Settings, exported.Employees), OrganizationJson.Serialize(stored.Settings, stored.Employees));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_settings_again_changes_nothing_and_publishes_no_version(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var scenario = ReadExample("03-excluded-caller");
        var first = await org.Store.ImportAsync(scenario.Settings, scenario.Employees, TestOrganization.Actor, 1000);
        var audited = (await org.AuditAsync()).Count;

        var second = await org.Store.ImportAsync(scenario.Settings, scenario.Employees, "someone-else", 2000);

        Assert.True(first.Changes > 0);
        Assert.Equal(new ImportResult(first.Version, 0), second);
        Assert.Equal(audited, (await org.AuditAsync()).Count);
        Assert.Equal(first.Version, await org.CountAsync("settings_versions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_makes_the_settings_exactly_those_given(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveTenantAsync("north", "North Plumbing", new FieldServiceSettings { Inbound = RecordingMode.OnDemand }, "earlier", 1);
        await store.SaveTenantAsync("south", "South HVAC", new FieldServiceSettings { Outbound = RecordingMode.Never }, "earlier", 2);
        await store.SaveQueueAsync("sales", "Sales", "earlier", 3);
        await store.SetQueueRecordingAsync("sales", new QueueSetting(false), "earlier", 4);
        await store.SaveQueueAsync("service", "Service", "earlier", 5);
        await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", false, TestOrganization.Number("555-010-3000"), ["sales"], "agent"), "earlier", 6);
        await store.SetEmployeeRecordingAsync("ana", new UserSetting(false, false), "earlier", 7);
        await store.AddExclusionAsync(TestOrganization.Number("+15550109999"), "earlier", 8);
        await store.AddExclusionAsync(TestOrganization.Number("+15550108888"), "earlier", 9);
        var given = new OrganizationSettings
        {
            ContactCenter = new ContactCenterSettings
            {
                Defaults = new RecordingDefaults(QueueRecord: false, UserInbound: true, UserOutbound: false),
                Queues = new Dictionary<string, QueueSetting> { ["service"] = new(true), ["billing"] = new(false) },
                Users = new Dictionary<string, UserSetting> { ["ben"] = new(true, false) },
                RecordAfterTransfer = false,
                ExclusionList = new ExclusionList([TestOrganization.Number("+15550109999"), TestOrganization.Number("+15550107777")]),
                AnnounceRecording = true,
                StrictPaymentPause = true,
            },
            FieldService = new Dictionary<string, FieldServiceSettings>
            {
                ["south"] = new() { Continuity = new Continuity(true, ContinuityDestination.ExternalNumber) },
                ["west"] = new() { UsesContactCenter = false },
            },
        };

        await store.ImportAsync(given, new Dictionary<string, Employee> { ["cara"] = new(Seat: false) }, "importer", 100);

        var exported = await store.ExportAsync();
        var cc = exported.Settings.ContactCenter;
        Assert.Equal(given.ContactCenter.Defaults, cc.Defaults);
        Assert.Equal(["billing", "service"], cc.Queues.Keys.Order());
        Assert.Equal(new Dictionary<string, UserSetting> { ["ben"] = new(true, false) }, cc.Users);
        Assert.False(cc.RecordAfterTransfer);
        Assert.True(cc.AnnounceRecording && cc.StrictPaymentPause);
        Assert.Equal(FieldServiceSettings.Default, exported.Settings.FieldService["north"]);
        Assert.Equal(given.FieldService["south"], exported.Settings.FieldService["south"]);
        Assert.Equal(given.FieldService["west"], exported.Settings.FieldService["west"]);
        Assert.Equal(new Dictionary<string, Employee> { ["ana"] = new(true), ["ben"] = new(true), ["cara"] = new(false) }, exported.Employees);

        // Names, direct lines and queue memberships are not settings: an import leaves them be.
        Assert.Equal("North Plumbing", (await store.GetTenantAsync("north"))!.Name);
        Assert.Equal("west", (await store.GetTenantAsync("west"))!.Name);
        Assert.Equal("billing", (await store.GetQueueAsync("billing"))!.Name);
        var ana = (await store.GetEmployeeAsync("ana"))!;
        Assert.Equal(["sales"], ana.Details.Queues);
        Assert.Equal("+15550103000", ana.Details.DirectLine?.E164);
        Assert.Equal(SettingSource.Default, ana.Recording.Source);

        var exclusions = await store.ListExclusionsAsync();
        Assert.Equal(
            [("+15550107777", "importer", 100L), ("+15550109999", "earlier", 8L)],
            exclusions.Select(e => (e.Number.E164, e.AddedBy, e.AddedAt)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_audits_each_setting_it_changes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "earlier", 1);
        await org.Store.SetQueueRecordingAsync("sales", new QueueSetting(false), "earlier", 2);
        var before = (await org.AuditAsync()).Count;
        var given = new OrganizationSettings
        {
            ContactCenter = new ContactCenterSettings { AnnounceRecording = true },
        };

        var result = await org.Store.ImportAsync(given, FrozenDictionary<string, Employee>.Empty, "importer", 50);

        var audit = (await org.AuditAsync()).Take((await org.AuditAsync()).Count - before).ToList();
        Assert.Equal(2, result.Changes);
        Assert.Equal(
            [("contact-center.announceRecording", "false", "true"), ("queue:sales.recording", """{"record":false}""", null)],
            audit.Select(a => (a.Subject, a.Before, a.After)).OrderBy(a => a.Subject));
        Assert.All(audit, a => Assert.Equal(("importer", 50L), (a.Actor, a.At)));
    }

    private static Scenario ReadExample(string name)
    {
        var file = new ScenarioReader().Read(File.ReadAllText(SpecExamples.Named(name).ScenarioPath));
        Assert.True(file.IsValid, string.Join("; ", file.Problems));
        return file.Scenarios.Single();
    }
}
