using System.Collections;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace Calltrail.Storage.Calls;

/// <summary>
/// A batch's new and rewritten rows, statement by statement in order. On SQLite Dapper runs one command
/// per statement for all its rows, so each statement is prepared once per batch. On PostgreSQL every
/// row's statement goes in one <see cref="NpgsqlBatch"/>: one round trip to the database instead of one
/// per row, which is what PostgreSQL's rate was bound by.
/// </summary>
internal sealed class RowWrites
{
    private readonly List<(string Sql, IList Rows)> events = [];

    public List<CallRow> Calls { get; } = [];

    public LogWrites ContactCenter { get; } = new(LogColumns.ContactCenter, CallSql.UpsertContactCenter);

    public LogWrites FieldService { get; } = new(LogColumns.FieldService, CallSql.UpsertFieldService);

    /// <summary>New events, written first (<paramref name="sql"/> names the properties of <paramref name="rows"/>' elements).</summary>
    public void Events(string sql, IList rows) => events.Add((sql, rows));

    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction)
    {
        IEnumerable<(string Sql, IList Rows)> steps = [.. events, (CallSql.UpsertCall, Calls), .. ContactCenter.Steps(), .. FieldService.Steps()];
        steps = [.. steps.Where(s => s.Rows.Count > 0)];
        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction);
            foreach (var (sql, rows) in steps)
            {
                foreach (var row in rows)
                {
                    batch.BatchCommands.Add(BatchParameters.Command(sql, row!));
                }
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync();
            }

            return;
        }

        foreach (var (sql, rows) in steps)
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

    public IEnumerable<(string Sql, IList Rows)> Steps() =>
    [
        (upsert, whole),
        .. partial.Select(p => (columns.Update(p.Key), (IList)p.Value)),
        ($"DELETE FROM {columns.Table} WHERE call_id = @callId", removals),
    ];
}
