using System.Data.Common;
using Dapper;

namespace Calltrail.Storage.Database;

/// <summary>What an upgrade in place asks of a table: whether a column is already there (so adding it is idempotent).</summary>
internal static class Columns
{
    public static Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, Dialect dialect, string table, string column) =>
        connection.ExecuteScalarAsync<bool>(
            dialect.Provider == DatabaseProvider.Sqlite
                ? "SELECT COUNT(*) > 0 FROM pragma_table_info(@table) WHERE name = @column"
                : "SELECT COUNT(*) > 0 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column",
            new { table, column },
            transaction);
}
