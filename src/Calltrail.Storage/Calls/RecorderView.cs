using Calltrail.Live;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>What the recorder needs to know about a call: whether it has started, what to do with its audio now, its tenant.</summary>
public sealed record RecorderView(string CallId, LiveCallStatus Status, RecorderState State, string? PauseCause, string? Tenant);

/// <summary>Reads a call's current recorder state, for a recording session that arrives after the call's events.</summary>
public sealed class RecorderViews(Db db)
{
    public async Task<RecorderView?> FindAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CallRow>(
            "SELECT call_id, status, recorder_state, tenant_id, plan FROM calls WHERE call_id = @callId", new { callId });
        if (row is null || !ServiceNames.Statuses.TryGet(row.Status, out var status) || !ServiceNames.RecorderStates.TryGet(row.RecorderState, out var state))
        {
            return null;
        }

        return new RecorderView(row.CallId, status, state, RecordingPlan.FromJson(row.Plan)?.PauseCause, row.TenantId);
    }
}
