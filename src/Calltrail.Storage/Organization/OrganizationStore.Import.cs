using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;
using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    /// <summary>The settings and seats in force now, in the engine's (and the scenario format's) terms, with their version.</summary>
    public Task<SettingsSnapshot> ExportAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, transaction) =>
        {
            var view = await EngineView.ReadAsync(connection, transaction);
            return new SettingsSnapshot(await LatestVersionAsync(connection, transaction), view.Settings, view.Employees);
        }, cancellationToken);

    /// <summary>
    /// Makes the organization's settings exactly <paramref name="settings"/> and <paramref name="employees"/>,
    /// in one transaction: listed queues and employees get those custom values (created, named by their
    /// id, when missing) and every other one is reset to inherit; the exclusion list becomes exactly the
    /// given numbers (entries kept keep who added them and when); listed tenants get those field-service
    /// settings and every other tenant the defaults; listed employees get those seats and every other one
    /// a seat. Only what actually changes is written and audited; nothing changed publishes no version.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees, string actor, long at,
        CancellationToken cancellationToken = default)
    {
        var ids = settings.ContactCenter.Queues.Keys.Concat(settings.ContactCenter.Users.Keys)
            .Concat(settings.FieldService.Keys).Concat(employees.Keys);
        foreach (var id in ids)
        {
            OrganizationNames.Require(id, nameof(settings));
        }

        var written = await WriteAsync(actor, at, async change =>
        {
            var cc = settings.ContactCenter;
            await PutContactCenterAsync(change, await EngineView.ContactCenterAsync(change.Connection, change.Transaction), new ContactCenterChange(
                cc.Defaults.QueueRecord, cc.Defaults.UserInbound, cc.Defaults.UserOutbound, cc.RecordAfterTransfer, cc.AnnounceRecording, cc.StrictPaymentPause));
            await ImportQueuesAsync(change, cc.Queues);
            await ImportEmployeesAsync(change, cc.Users, employees);
            await ImportExclusionsAsync(change, cc.ExclusionList);
            await ImportTenantsAsync(change, settings.FieldService);
            return Written.Done(change.Changes);
        }, cancellationToken);
        return new ImportResult(written.Version, written.Value);
    }

    private static async Task ImportQueuesAsync(SettingsChange change, IReadOnlyDictionary<string, QueueSetting> custom)
    {
        var queues = (await QueueRowsAsync(change.Connection, change.Transaction)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        foreach (var id in queues.Keys.Union(custom.Keys).Order(StringComparer.Ordinal))
        {
            var before = queues.GetValueOrDefault(id);
            var record = custom.TryGetValue(id, out var setting) ? setting.Record : (bool?)null;
            await PutQueueAsync(change, before, new QueueRow { Id = id, Name = before?.Name ?? id, CustomRecord = record });
        }
    }

    private static async Task ImportEmployeesAsync(
        SettingsChange change, IReadOnlyDictionary<string, UserSetting> custom, IReadOnlyDictionary<string, Employee> seats)
    {
        var rows = (await change.QueryAsync<EmployeeRow>($"SELECT {EmployeeColumns} FROM employees"))
            .ToDictionary(e => e.Id, StringComparer.Ordinal);
        var memberships = (await change.QueryAsync<MembershipRow>("SELECT employee_id, queue_id FROM employee_queues"))
            .ToLookup(m => m.EmployeeId, m => m.QueueId, StringComparer.Ordinal);
        foreach (var id in rows.Keys.Union(custom.Keys).Union(seats.Keys).Order(StringComparer.Ordinal))
        {
            // Unlisted, an employee has a seat: the scenario format's default.
            var seat = !seats.TryGetValue(id, out var listed) || listed.Seat;
            UserSetting? setting = custom.TryGetValue(id, out var value) ? value : null;
            if (rows.GetValueOrDefault(id) is not { } before)
            {
                var created = Row(id, new EmployeeDetails(id, seat, null, [], null), setting);
                await change.AuditAsync(AuditValues.EmployeeSubject(id), null, AuditValues.Employee(created.Details([])));
                await change.AuditAsync(AuditValues.EmployeeRecordingSubject(id), null, AuditValues.EmployeeRecording(setting));
                await UpsertEmployeeRowAsync(change, created);
                continue;
            }

            var details = before.Details([.. memberships[id].Order(StringComparer.Ordinal)]);
            if (await change.AuditAsync(AuditValues.EmployeeSubject(id), AuditValues.Employee(details), AuditValues.Employee(details with { Seat = seat })))
            {
                await change.ExecuteAsync("UPDATE employees SET seat = @seat WHERE id = @id", new { seat, id });
            }

            await PutEmployeeRecordingAsync(change, before, Row(id, details, setting));
        }
    }

    private static async Task ImportExclusionsAsync(SettingsChange change, ExclusionList list)
    {
        var stored = (await change.QueryAsync<string>("SELECT number FROM excluded_numbers")).ToHashSet(StringComparer.Ordinal);
        var wanted = list.Numbers.Select(n => n.E164).ToHashSet(StringComparer.Ordinal);
        foreach (var number in wanted.Except(stored).Order(StringComparer.Ordinal))
        {
            await AddExclusionAsync(change, new ExclusionEntry(PhoneNumber.FromE164(number), change.Actor, change.At));
        }

        foreach (var number in stored.Except(wanted).Order(StringComparer.Ordinal))
        {
            await RemoveExclusionAsync(change, PhoneNumber.FromE164(number));
        }
    }

    private static async Task ImportTenantsAsync(SettingsChange change, IReadOnlyDictionary<string, FieldServiceSettings> fieldService)
    {
        var tenants = (await TenantRowsAsync(change.Connection, change.Transaction))
            .ToDictionary(t => t.Id, t => t.ToTenant(), StringComparer.Ordinal);
        foreach (var id in tenants.Keys.Union(fieldService.Keys).Order(StringComparer.Ordinal))
        {
            var before = tenants.GetValueOrDefault(id);
            var settings = fieldService.GetValueOrDefault(id) ?? FieldServiceSettings.Default;
            await PutTenantAsync(change, before, new Tenant(id, before?.Name ?? id, settings));
        }
    }
}
