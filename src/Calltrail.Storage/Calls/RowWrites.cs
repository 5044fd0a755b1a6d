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

    public LogWrites ContactCenter { get; } = new(LogColumns.ContactCenter, CallSql.UpsertContactCenter);

    public LogWrites FieldService { get; } = new(LogColumns.FieldService, CallSql.UpsertFieldService);

    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction)
    {
        await RunAsync(connection, transaction, CallSql.UpsertCall, Calls);
        await ContactCenter.ExecuteAsync(connection, transaction);
        await FieldService.ExecuteAsync(connection, transaction);
    }

    internal static async Task RunAsync<T>(DbConnection connection, DbTransaction transaction, string sql, List<T> rows)
    {
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(sql, rows, transaction);
        }
    }
}

/// <summary>One log's part of a batch: entries written whole, entries with only some columns changed, entries removed.</summary>
internal sealed class LogWrites(LogColumns columns, string upsert)
{
    private readonly List<LogRow> whole = [];
    private readonly Dictionary<long, List<LogRow>> partial = [];
    private readonly List<object> removals = [];

    /// <summary>
    /// The call's entry in this log, or — when the verdict says that system keeps no record of it (any more) —
    /// its removal. <paramref name="known"/> says whether <paramref name="before"/> is what the log holds now
    /// (this process committed it, or the call is new); if not, the entry is written whole.
    /// </summary>
    public void Log(string callId, LogRow? entry, bool known, LogRow? before)
    {
        if (!known)
        {
            if (entry is null)
            {
                removals.Add(new { callId });
            }
            else
            {
                whole.Add(entry);
            }

            return;
        }

        switch (before, entry)
        {
            case (null, null):
                break;
            case (not null, null):
                removals.Add(new { callId });
                break;
            case (null, not null):
                whole.Add(entry);
                break;
            default:
                var changed = columns.Changed(before, entry);
                if (changed == 0)
                {
                    // The same entry: nothing to write.
                }
                else if (partial.TryGetValue(changed, out var rows))
                {
                    rows.Add(entry);
                }
                else
                {
                    partial[changed] = [entry];
                }

                break;
        }
    }

    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction)
    {
        await RowWrites.RunAsync(connection, transaction, upsert, whole);
        foreach (var (changed, rows) in partial)
        {
            await RowWrites.RunAsync(connection, transaction, columns.Update(changed), rows);
        }

        await RowWrites.RunAsync(connection, transaction, $"DELETE FROM {columns.Table} WHERE call_id = @callId", removals);
    }
}
