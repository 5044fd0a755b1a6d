using System.Text.Json;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>Every row of a table as JSON text, in key order: two databases' records compare as lists of strings.</summary>
internal static class TableDump
{
    public static async Task<List<string>> RowsAsync(Db db, string table, string orderBy, params string[] leaveOut)
    {
        await using var connection = await db.OpenAsync();
        var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {orderBy}");
        return [.. rows.Select(row => JsonSerializer.Serialize(
            ((IDictionary<string, object?>)row).Where(column => !leaveOut.Contains(column.Key)).ToDictionary()))];
    }
}
