using Calltrail.Live;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>Reads a call's current recording plan, for a recording session that arrives after the call's events or hears of a change from another server.</summary>
public sealed class RecordingPlans(Db db)
{
    /// <returns>The plan, or null when the service has not heard of the call or only of events before its start.</returns>
    public async Task<RecordingPlan?> FindAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CallRow>(
            new CommandDefinition("SELECT call_id, status, tenant_id, plan FROM calls WHERE call_id = @callId", new { callId }, cancellationToken: cancellationToken));
        if (row is null || !ServiceNames.Statuses.TryGet(row.Status, out var status) || status == LiveCallStatus.AwaitingStart)
        {
            return null;
        }

        return StoredPlan.FromJson(row.Plan)?.ToPlan(row.CallId, row.TenantId);
    }
}
