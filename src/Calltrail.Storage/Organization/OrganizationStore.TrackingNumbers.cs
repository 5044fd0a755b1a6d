using System.Data.Common;
using Calltrail.Phones;
using Dapper;

namespace Calltrail.Storage.Organization;

// Tracking-number methods take withinTenants: the tenants the caller may see and change, or null for
// all. A number of any other tenant is treated as absent, checked inside the same transaction.
public sealed partial class OrganizationStore
{
    private const string TrackingNumberColumns = "number, tenant_id, campaign, category, source, medium";

    /// <summary>Every tracking number, or those of <paramref name="tenant"/>, ordered by number.</summary>
    public Task<IReadOnlyList<TrackingNumber>> ListTrackingNumbersAsync(
        string? tenant = null, IReadOnlyCollection<string>? withinTenants = null, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<TrackingNumber>>(async (connection, transaction) =>
        {
            var rows = tenant is null
                ? await connection.QueryAsync<TrackingNumberRow>($"SELECT {TrackingNumberColumns} FROM tracking_numbers", transaction: transaction)
                : await connection.QueryAsync<TrackingNumberRow>(
                    $"SELECT {TrackingNumberColumns} FROM tracking_numbers WHERE tenant_id = @tenant", new { tenant }, transaction);
            return [.. rows.Where(r => Within(withinTenants, r.TenantId)).Select(r => r.ToTrackingNumber()).OrderBy(n => n.Number.E164, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<TrackingNumber?> GetTrackingNumberAsync(
        PhoneNumber number, IReadOnlyCollection<string>? withinTenants = null, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, transaction) =>
        {
            var found = await FindTrackingNumberAsync(connection, transaction, number);
            return found is not null && Within(withinTenants, found.Tenant) ? found : null;
        }, cancellationToken);

    /// <summary>Creates or replaces a tracking number. Its tenant must exist; a number that is an employee's direct line is refused.</summary>
    public Task<Written<TrackingNumber>> SaveTrackingNumberAsync(
        TrackingNumber number, string actor, long at, IReadOnlyCollection<string>? withinTenants = null, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            if (!Within(withinTenants, number.Tenant) || await FindTenantAsync(change.Connection, change.Transaction, number.Tenant) is null)
            {
                return Written.Refused<TrackingNumber>(RefusalKind.Invalid, "tenant", $"There is no tenant '{number.Tenant}'.");
            }

            var before = await FindTrackingNumberAsync(change.Connection, change.Transaction, number.Number);
            if (before is not null && !Within(withinTenants, before.Tenant))
            {
                return Written.Refused<TrackingNumber>(RefusalKind.Conflict, "number",
                    $"{number.Number} is already a tracking number of a tenant outside this token's tenants.");
            }

            if (await change.QueryOneAsync<string>("SELECT id FROM employees WHERE direct_line = @number", new { number = number.Number.E164 }) is { } employee)
            {
                return Written.Refused<TrackingNumber>(RefusalKind.Conflict, "number",
                    $"{number.Number} is the direct line of employee '{employee}'; a number rings in one place only.");
            }

            if (await change.AuditAsync(AuditValues.TrackingNumberSubject(number.Number), AuditValues.TrackingNumber(before), AuditValues.TrackingNumber(number)))
            {
                await change.ExecuteAsync(
                    $"""
                    INSERT INTO tracking_numbers ({TrackingNumberColumns}) VALUES (@Number, @TenantId, @Campaign, @Category, @Source, @Medium)
                    ON CONFLICT (number) DO UPDATE SET tenant_id = excluded.tenant_id, campaign = excluded.campaign,
                        category = excluded.category, source = excluded.source, medium = excluded.medium
                    """,
                    TrackingNumberRow.From(number));
            }

            return Written.Done(number, created: before is null);
        }, cancellationToken);

    public Task<Written<TrackingNumber>> DeleteTrackingNumberAsync(
        PhoneNumber number, string actor, long at, IReadOnlyCollection<string>? withinTenants = null, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            var before = await FindTrackingNumberAsync(change.Connection, change.Transaction, number);
            if (before is null || !Within(withinTenants, before.Tenant))
            {
                return Written.Refused<TrackingNumber>(RefusalKind.NotFound, "number", $"{number} is not a tracking number.");
            }

            await change.AuditAsync(AuditValues.TrackingNumberSubject(number), AuditValues.TrackingNumber(before), null);
            await change.ExecuteAsync("DELETE FROM tracking_numbers WHERE number = @number", new { number = number.E164 });
            return Written.Done(before);
        }, cancellationToken);

    private static bool Within(IReadOnlyCollection<string>? tenants, string tenant) => tenants is null || tenants.Contains(tenant);

    private static async Task<TrackingNumber?> FindTrackingNumberAsync(DbConnection connection, DbTransaction transaction, PhoneNumber number) =>
        (await connection.QuerySingleOrDefaultAsync<TrackingNumberRow>(
            $"SELECT {TrackingNumberColumns} FROM tracking_numbers WHERE number = @number", new { number = number.E164 }, transaction))?.ToTrackingNumber();
}
