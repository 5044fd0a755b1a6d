using System.Text;
using Calltrail.Storage.Calls;
using Dapper;

namespace Calltrail.Storage.Database;

/// <summary>
/// The query behind every listing: optional filters, the caller's tenant limit, then newest first by
/// start time with the id as tie-breaker, resumed after a cursor, one row more than the page to know
/// whether another follows.
/// </summary>
internal sealed class NewestFirst(Dialect dialect, string table, string idColumn)
{
    private readonly List<string> where = [];

    public DynamicParameters Parameters { get; } = new();

    /// <summary>Keeps rows whose <paramref name="column"/> equals <paramref name="value"/>; no filter when it is null.</summary>
    public NewestFirst Equal(string column, object? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = @{column}");
            Parameters.Add(column, value);
        }

        return this;
    }

    public NewestFirst Where(string condition, string parameter, object? value)
    {
        if (value is not null)
        {
            where.Add(condition);
            Parameters.Add(parameter, value);
        }

        return this;
    }

    /// <summary>Only the tenants allowed (null: every tenant; a row without a tenant is never among a limited caller's).</summary>
    public NewestFirst WithinTenants(IReadOnlyCollection<string>? allowed)
    {
        if (allowed is not null)
        {
            where.Add(dialect.InList("tenant_id", "allowed"));
            Parameters.Add("allowed", allowed.ToArray());
        }

        return this;
    }

    /// <summary>Resumes after the row a cursor names (an unreadable cursor is refused before it gets here).</summary>
    public NewestFirst After(string? cursor)
    {
        if (cursor is not null && Cursor.TryRead(cursor, out var afterStarted, out var afterId))
        {
            where.Add($"(started_at < @afterStarted OR (started_at = @afterStarted AND {idColumn} < @afterId))");
            Parameters.Add("afterStarted", afterStarted);
            Parameters.Add("afterId", afterId);
        }

        return this;
    }

    public string Sql(int limit)
    {
        Parameters.Add("take", limit + 1);
        var sql = new StringBuilder($"SELECT * FROM {table}");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        return sql.Append($" ORDER BY started_at DESC, {idColumn} DESC LIMIT @take").ToString();
    }

    /// <summary>The page and the cursor of the next one (null when this was the last).</summary>
    public static (List<T> Page, string? Next) Split<T>(List<T> rows, int limit, Func<T, (long StartedAt, string Id)> key)
    {
        if (rows.Count <= limit)
        {
            return (rows, null);
        }

        rows.RemoveAt(limit);
        var (startedAt, id) = key(rows[^1]);
        return (rows, Cursor.Write(startedAt, id));
    }
}
