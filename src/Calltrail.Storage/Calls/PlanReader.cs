using Calltrail.Live;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>A call's plan as committed: the JSON of <see cref="RecordingPlan"/> (null before a verdict) and its version.</summary>
public sealed record StoredPlan(string CallId, long Version, LiveCallStatus Status, string? Tenant, string? PlanJson);

/// <summary>
/// Reads a call's current plan in one query, for a server told by <see cref="PlanChangeListener"/> that
/// another server changed it. The version says whether what was read is at least as new as the notice.
/// </summary>
public sealed class PlanReader(Db db)
{
    public async Task<StoredPlan?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CallRow>(new CommandDefinition(
            "SELECT call_id, plan_version, status, tenant_id, plan FROM calls WHERE call_id = @callId",
            new { callId },
            cancellationToken: cancellationToken));
        if (row is null || !ServiceNames.Statuses.TryGet(row.Status, out var status))
        {
            return null;
        }

        return new StoredPlan(row.CallId, row.PlanVersion, status, row.TenantId, row.Plan);
    }
}
