using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    public const int MaxAuditPage = 500;

    /// <summary>Settings changes, newest (most recently written) first; <paramref name="before"/> is an entry id to continue after.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxAuditPage);
        return ReadAsync<IReadOnlyList<AuditEntry>>(async (connection, transaction) =>
        {
            var where = before is null ? "" : "WHERE id < @before";
            var rows = await connection.QueryAsync<AuditRow>(
                $"SELECT id, at, actor, subject, before, after FROM settings_audit {where} ORDER BY id DESC LIMIT @limit",
                new { before, limit },
                transaction);
            return [.. rows.Select(r => r.ToEntry())];
        }, cancellationToken);
    }
}
