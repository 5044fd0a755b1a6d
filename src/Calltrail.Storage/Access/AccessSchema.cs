using System.Data.Common;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Access;

/// <summary>API tokens: only a hash of each secret is kept.</summary>
internal static class AccessSchema
{
    /// <summary>Version 4 tied a token to an employee (whose desktop it may watch); a table made before lacks the column.</summary>
    public static async Task UpgradeAsync(DbConnection connection, DbTransaction transaction, Dialect dialect)
    {
        if (!await Columns.ExistsAsync(connection, transaction, dialect, "api_tokens", "employee"))
        {
            await connection.ExecuteAsync("ALTER TABLE api_tokens ADD COLUMN employee TEXT NULL", transaction: transaction);
        }
    }

    public static IEnumerable<string> Statements(Dialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS api_tokens (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            tenants TEXT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT NULL,
            employee TEXT NULL)
        """,
    ];
}
