using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class StickySettingsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_custom_queue_keeps_its_value_when_the_default_changes_until_it_is_reset(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveQueueAsync("sales", "Sales", TestOrganization.Actor, 1);
        await store.SaveQueueAsync("service", "Service", TestOrganization.Actor, 2);

        await store.SetQueueRecordingAsync("sales", new QueueSetting(Record: true), TestOrganization.Actor, 3);
        await store.ChangeContactCenterAsync(new ContactCenterChange(QueueRecord: false), TestOrganization.Actor, 4);

        Assert.Equal(new QueueRecording(true, SettingSource.Custom), (await store.GetQueueAsync("sales"))!.Recording);
        Assert.Equal(new QueueRecording(false, SettingSource.Default), (await store.GetQueueAsync("service"))!.Recording);
        var customized = await org.Versions.CurrentAsync();
        Assert.Equal(new QueueSetting(true), customized.Settings.ContactCenter.Queues["sales"]);
        Assert.False(customized.Settings.ContactCenter.Queues.ContainsKey("service"));
        Assert.False(customized.Settings.ContactCenter.Defaults.QueueRecord);

        var reset = await store.ResetQueueRecordingAsync("sales", TestOrganization.Actor, 5);

        Assert.Equal(new QueueRecording(false, SettingSource.Default), reset.Value!.Recording);
        Assert.Equal(new QueueRecording(false, SettingSource.Default), (await store.GetQueueAsync("sales"))!.Recording);
        var afterReset = await org.Versions.CurrentAsync();
        Assert.Equal(reset.Version, afterReset.Version);
        Assert.Empty(afterReset.Settings.ContactCenter.Queues);

        await store.ChangeContactCenterAsync(new ContactCenterChange(QueueRecord: true), TestOrganization.Actor, 6);

        Assert.Equal(new QueueRecording(true, SettingSource.Default), (await store.GetQueueAsync("sales"))!.Recording);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_custom_employee_keeps_both_directions_when_the_defaults_change_until_reset(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, null, [], "agent"), TestOrganization.Actor, 1);
        await store.SaveEmployeeAsync("ben", new EmployeeDetails("Ben", true, null, [], null), TestOrganization.Actor, 2);

        await store.SetEmployeeRecordingAsync("ana", new UserSetting(Inbound: true, Outbound: true), TestOrganization.Actor, 3);
        var changed = await store.ChangeContactCenterAsync(new ContactCenterChange(UserInbound: false, UserOutbound: false), TestOrganization.Actor, 4);

        var overview = changed.Value!;
        Assert.Equal(new EmployeeRecording(true, true, SettingSource.Custom), overview.Employees.Single(e => e.Id == "ana").Recording);
        Assert.Equal(new EmployeeRecording(false, false, SettingSource.Default), overview.Employees.Single(e => e.Id == "ben").Recording);
        Assert.Equal(new UserSetting(true, true), (await org.Versions.CurrentAsync()).Settings.ContactCenter.Users["ana"]);

        await store.ResetEmployeeRecordingAsync("ana", TestOrganization.Actor, 5);

        Assert.Equal(new EmployeeRecording(false, false, SettingSource.Default), (await store.GetEmployeeAsync("ana"))!.Recording);
        Assert.Empty((await org.Versions.CurrentAsync()).Settings.ContactCenter.Users);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_custom_value_equal_to_the_default_is_still_custom(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", TestOrganization.Actor, 1);

        await org.Store.SetQueueRecordingAsync("sales", new QueueSetting(Record: true), TestOrganization.Actor, 2);
        await org.Store.ChangeContactCenterAsync(new ContactCenterChange(QueueRecord: false), TestOrganization.Actor, 3);

        Assert.Equal(new QueueRecording(true, SettingSource.Custom), (await org.Store.GetQueueAsync("sales"))!.Recording);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renaming_a_queue_or_replacing_an_employee_keeps_the_custom_setting(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var store = org.Store;
        await store.SaveQueueAsync("sales", "Sales", TestOrganization.Actor, 1);
        await store.SetQueueRecordingAsync("sales", new QueueSetting(false), TestOrganization.Actor, 2);
        await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, null, [], null), TestOrganization.Actor, 3);
        await store.SetEmployeeRecordingAsync("ana", new UserSetting(false, true), TestOrganization.Actor, 4);

        var renamed = await store.SaveQueueAsync("sales", "Sales (east)", TestOrganization.Actor, 5);
        var replaced = await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana Lopez", false, null, ["sales"], "manager"), TestOrganization.Actor, 6);

        Assert.Equal(new QueueRecording(false, SettingSource.Custom), renamed.Value!.Recording);
        Assert.Equal(new EmployeeRecording(false, true, SettingSource.Custom), replaced.Value!.Recording);
        Assert.Equal("Sales (east)", renamed.Value.Name);
        Assert.Equal(["sales"], replaced.Value.Details.Queues);
    }
}
