using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Organization;

public sealed class EmployeeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_employee_is_kept_with_seat_line_queues_and_role_and_their_seat_reaches_the_engine(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "dana", 1);
        await org.Store.SaveQueueAsync("service", "Service", "dana", 2);

        var saved = await org.Store.SaveEmployeeAsync(
            "ana", new EmployeeDetails("Ana", false, TestOrganization.Number("(555) 010-3000"), ["service", "sales"], "Dispatcher"), "dana", 3);

        Assert.True(saved.Created);
        var ana = (await org.Store.GetEmployeeAsync("ana"))!;
        Assert.Equal(("Ana", false, "+15550103000", "Dispatcher"), (ana.Details.Name, ana.Details.Seat, ana.Details.DirectLine?.E164, ana.Details.Role));
        Assert.Equal(["sales", "service"], ana.Details.Queues);
        Assert.Equal(new EmployeeRecording(true, true, SettingSource.Default), ana.Recording);
        Assert.Equal(new Employee(Seat: false), (await org.Versions.CurrentAsync()).Employees["ana"]);
        Assert.Equal(["ana"], (await org.Store.ListEmployeesAsync()).Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_an_employee_removes_their_custom_setting_from_the_engine(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, null, [], null), "dana", 1);
        await org.Store.SetEmployeeRecordingAsync("ana", new UserSetting(false, false), "dana", 2);

        var deleted = await org.Store.DeleteEmployeeAsync("ana", "dana", 3);
        var again = await org.Store.DeleteEmployeeAsync("ana", "dana", 4);

        Assert.Equal(SettingSource.Custom, deleted.Value!.Recording.Source);
        Assert.Equal(RefusalKind.NotFound, again.Refusal!.Kind);
        var current = await org.Versions.CurrentAsync();
        Assert.Empty(current.Employees);
        Assert.Empty(current.Settings.ContactCenter.Users);
        Assert.Equal(["employee:ana", "employee:ana.recording"], (await org.AuditAsync()).Where(a => a.At == 3).Select(a => a.Subject).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recording_settings_of_an_unknown_employee_or_queue_are_not_found(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);

        Assert.Equal(RefusalKind.NotFound, (await org.Store.SetEmployeeRecordingAsync("ana", new UserSetting(true, true), "dana", 1)).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await org.Store.ResetEmployeeRecordingAsync("ana", "dana", 1)).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await org.Store.SetQueueRecordingAsync("sales", new QueueSetting(true), "dana", 1)).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await org.Store.DeleteQueueAsync("sales", "dana", 1)).Refusal!.Kind);
        Assert.Equal(0, await org.CountAsync("settings_audit"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_contact_center_overview_shows_every_queue_and_employee_with_its_source(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        await org.Store.SaveQueueAsync("sales", "Sales", "dana", 1);
        await org.Store.SaveQueueAsync("billing", "Billing", "dana", 1);
        await org.Store.SetQueueRecordingAsync("billing", new QueueSetting(false), "dana", 1);
        await org.Store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana", true, null, [], null), "dana", 1);

        var overview = await org.Store.GetContactCenterAsync();

        Assert.Equal(RecordingDefaults.Default, overview.Defaults);
        Assert.True(overview.RecordAfterTransfer);
        Assert.False(overview.AnnounceRecording || overview.StrictPaymentPause);
        Assert.Equal(
            [("billing", new QueueRecording(false, SettingSource.Custom)), ("sales", new QueueRecording(true, SettingSource.Default))],
            overview.Queues.Select(q => (q.Id, q.Recording)));
        Assert.Equal(new EmployeeRecording(true, true, SettingSource.Default), Assert.Single(overview.Employees).Recording);
    }
}
