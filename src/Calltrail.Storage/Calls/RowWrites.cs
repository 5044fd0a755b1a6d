using System.Data.Common;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>
/// A batch's rewritten rows, written table by table: Dapper runs one command per statement for all its
/// rows, so each statement is prepared once per batch rather than once per call.
/// </summary>
internal sealed class RowWrites
{
    public List<CallRow> Calls { get; } = [];

    public List<LogRow> ContactCenter { get; } = [];

    public List<LogRow> FieldService { get; } = [];

    public List<object> NotContactCenter { get; } = [];

    public List<object> NotFieldService { get; } = [];

    /// <summary>The call's entry in one log, or — when the verdict says that system keeps no record of it (any more) — its removal.</summary>
    public void Log(List<LogRow> upserts, List<object> removals, string callId, LogRow? entry)
    {
        if (entry is null)
        {
            removals.Add(new { callId });
        }
        else
        {
            upserts.Add(entry);
        }
    }

    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction)
    {
        await RunAsync(connection, transaction, CallSql.UpsertCall, Calls);
        await RunAsync(connection, transaction, CallSql.UpsertContactCenter, ContactCenter);
        await RunAsync(connection, transaction, CallSql.UpsertFieldService, FieldService);
        await RunAsync(connection, transaction, "DELETE FROM contact_center_log WHERE call_id = @callId", NotContactCenter);
        await RunAsync(connection, transaction, "DELETE FROM field_service_log WHERE call_id = @callId", NotFieldService);
    }

    private static async Task RunAsync<T>(DbConnection connection, DbTransaction transaction, string sql, List<T> rows)
    {
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(sql, rows, transaction);
        }
    }
}
