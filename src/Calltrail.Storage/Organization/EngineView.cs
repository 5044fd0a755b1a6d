using System.Collections.Frozen;
using System.Data.Common;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;
using Dapper;

namespace Calltrail.Storage.Organization;

/// <summary>The organization as the decision engine reads it.</summary>
internal sealed record EngineView(OrganizationSettings Settings, FrozenDictionary<string, Employee> Employees)
{
    /// <summary>
    /// Reads the engine's view from the tables: custom queue and employee settings only (being listed
    /// is what makes a value custom), every tenant's field-service settings, every employee's seat.
    /// </summary>
    public static async Task<EngineView> ReadAsync(DbConnection connection, DbTransaction transaction)
    {
        var cc = await ContactCenterAsync(connection, transaction);
        var queues = await connection.QueryAsync<QueueRow>(
            "SELECT id, custom_record FROM queues WHERE custom_record IS NOT NULL", transaction: transaction);
        var employees = (await connection.QueryAsync<EmployeeRow>(
            "SELECT id, seat, custom_inbound, custom_outbound FROM employees", transaction: transaction)).ToList();
        var excluded = await connection.QueryAsync<string>("SELECT number FROM excluded_numbers", transaction: transaction);
        var tenants = await connection.QueryAsync<TenantRow>(
            "SELECT id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination FROM tenants",
            transaction: transaction);

        var settings = new OrganizationSettings
        {
            ContactCenter = new ContactCenterSettings
            {
                Defaults = cc.Defaults,
                Queues = queues.ToFrozenDictionary(q => q.Id, q => new QueueSetting(q.CustomRecord!.Value), StringComparer.Ordinal),
                Users = employees.Where(e => e.Custom is not null)
                    .ToFrozenDictionary(e => e.Id, e => e.Custom!.Value, StringComparer.Ordinal),
                RecordAfterTransfer = cc.TransfersRecord,
                ExclusionList = new ExclusionList(excluded.Select(PhoneNumber.FromE164)),
                AnnounceRecording = cc.AnnounceRecording,
                StrictPaymentPause = cc.StrictPaymentPause,
            },
            FieldService = tenants.ToFrozenDictionary(t => t.Id, t => t.ToTenant().FieldService, StringComparer.Ordinal),
        };
        return new EngineView(settings, employees.ToFrozenDictionary(e => e.Id, e => new Employee(e.Seat), StringComparer.Ordinal));
    }

    /// <summary>The organization-wide contact-center settings; the scenario format's defaults until someone sets them.</summary>
    public static async Task<ContactCenterRow> ContactCenterAsync(DbConnection connection, DbTransaction transaction) =>
        await connection.QuerySingleOrDefaultAsync<ContactCenterRow>(
            """
            SELECT queue_record, user_inbound, user_outbound, transfers_record, announce_recording, strict_payment_pause
            FROM contact_center_settings WHERE id = 1
            """,
            transaction: transaction) ?? new ContactCenterRow();
}
