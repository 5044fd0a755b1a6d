using Calltrail.Storage.Database;

namespace Calltrail.Storage.Access;

/// <summary>API tokens: only a hash of each secret is kept.</summary>
internal static class AccessSchema
{
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
            revoked_at BIGINT NULL)
        """,
    ];
}
