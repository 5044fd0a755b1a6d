using System.Data.Common;
using Calltrail.Settings;
using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    private const string TenantColumns =
        "id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination";

    public Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Tenant>>(async (connection, transaction) =>
            [.. (await TenantRowsAsync(connection, transaction)).Select(r => r.ToTenant()).OrderBy(t => t.Id, StringComparer.Ordinal)],
            cancellationToken);

    public Task<Tenant?> GetTenantAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync((connection, transaction) => FindTenantAsync(connection, transaction, id), cancellationToken);

    /// <summary>
    /// Creates or renames a tenant. <paramref name="fieldService"/> replaces its field-service settings;
    /// null keeps them (a new tenant starts with the field-service defaults).
    /// </summary>
    public Task<Written<Tenant>> SaveTenantAsync(
        string id, string name, FieldServiceSettings? fieldService, string actor, long at, CancellationToken cancellationToken = default)
    {
        OrganizationNames.Require(id, nameof(id));
        OrganizationNames.Require(name, nameof(name));
        return WriteAsync(actor, at, async change =>
        {
            var before = await FindTenantAsync(change.Connection, change.Transaction, id);
            var after = new Tenant(id, name, fieldService ?? before?.FieldService ?? FieldServiceSettings.Default);
            await PutTenantAsync(change, before, after);
            return Written.Done(after, created: before is null);
        }, cancellationToken);
    }

    /// <summary>Replaces an existing tenant's field-service settings.</summary>
    public Task<Written<Tenant>> SetFieldServiceAsync(
        string id, FieldServiceSettings fieldService, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindTenantAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<Tenant>(RefusalKind.NotFound, "id", $"There is no tenant '{id}'.");
            }

            var after = before with { FieldService = fieldService };
            await PutTenantAsync(change, before, after);
            return Written.Done(after);
        }, cancellationToken);

    /// <summary>Deletes a tenant that has no tracking numbers left; the deleted tenant is the value.</summary>
    public Task<Written<Tenant>> DeleteTenantAsync(string id, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindTenantAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<Tenant>(RefusalKind.NotFound, "id", $"There is no tenant '{id}'.");
            }

            var numbers = await change.QueryOneAsync<long>("SELECT COUNT(*) FROM tracking_numbers WHERE tenant_id = @id", new { id });
            if (numbers > 0)
            {
                return Written.Refused<Tenant>(RefusalKind.Conflict, "id",
                    $"Tenant '{id}' still has {numbers} tracking number(s); delete them or give them to another tenant first.");
            }

            await change.AuditAsync(AuditValues.TenantSubject(id), AuditValues.Tenant(before), null);
            await change.AuditAsync(AuditValues.FieldServiceSubject(id), AuditValues.FieldService(before.FieldService), null);
            await change.ExecuteAsync("DELETE FROM tenants WHERE id = @id", new { id });
            return Written.Done(before);
        }, cancellationToken);

    /// <summary>Writes <paramref name="after"/> when it differs from <paramref name="before"/>, auditing the name and the field-service settings apart.</summary>
    private static async Task PutTenantAsync(SettingsChange change, Tenant? before, Tenant after)
    {
        var renamed = await change.AuditAsync(AuditValues.TenantSubject(after.Id), AuditValues.Tenant(before), AuditValues.Tenant(after));
        var fieldService = await change.AuditAsync(
            AuditValues.FieldServiceSubject(after.Id), AuditValues.FieldService(before?.FieldService), AuditValues.FieldService(after.FieldService));
        if (renamed || fieldService)
        {
            await change.ExecuteAsync(
                $"""
                INSERT INTO tenants ({TenantColumns})
                VALUES (@Id, @Name, @Inbound, @Outbound, @UsesContactCenter, @ContinuityEnabled, @ContinuityDestination)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, inbound = excluded.inbound, outbound = excluded.outbound,
                    uses_contact_center = excluded.uses_contact_center, continuity_enabled = excluded.continuity_enabled,
                    continuity_destination = excluded.continuity_destination
                """,
                TenantRow.From(after));
        }
    }

    private static async Task<Tenant?> FindTenantAsync(DbConnection connection, DbTransaction transaction, string id) =>
        (await connection.QuerySingleOrDefaultAsync<TenantRow>(
            $"SELECT {TenantColumns} FROM tenants WHERE id = @id", new { id }, transaction))?.ToTenant();

    private static async Task<List<TenantRow>> TenantRowsAsync(DbConnection connection, DbTransaction transaction) =>
        [.. await connection.QueryAsync<TenantRow>($"SELECT {TenantColumns} FROM tenants", transaction: transaction)];
}
