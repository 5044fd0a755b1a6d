using Calltrail.Storage.Access;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Organization;
using Calltrail.Storage.Recordings;
using Dapper;

namespace Calltrail.Storage.Database;

/// <summary>
/// Creates the tables on first start; every statement is idempotent (<c>IF NOT EXISTS</c>), so starting
/// against an existing database changes nothing. Each feature owns its tables' statements.
/// </summary>
public static class Schema
{
    /// <summary>
    /// Bump when a table changes shape; a database with a newer version is refused, not silently used.
    /// An older one is brought up to date when its difference is only tables added since (listed in
    /// <see cref="AddedOnly"/>): the statements above created them.
    /// </summary>
    public const int Version = 3;


    public static async Task EnsureCreatedAsync(Db db, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // The write-ahead log is a property of the file: set once, kept.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)", transaction: transaction);
        var statements = OrganizationSchema.Statements(db.Dialect)
            .Concat(AccessSchema.Statements(db.Dialect))
            .Concat(CallSchema.Statements(db.Dialect))
            .Concat(RecordingSchema.Statements(db.Dialect));
        foreach (var statement in statements)
        {
            await connection.ExecuteAsync(statement, transaction: transaction);
        }

        var found = await connection.QueryFirstOrDefaultAsync<int?>("SELECT version FROM schema_info", transaction: transaction);
        if (found is 1 or 2)
        {
            // Upgraded in place: version 2 added the recordings tables (made by the statements above on a
            // version-1 database), version 3 a column to a table version 2 already had.
            if (found == 2)
            {
                foreach (var statement in RecordingSchema.UpgradeTo3)
                {
                    await connection.ExecuteAsync(statement, transaction: transaction);
                }
            }

            await connection.ExecuteAsync("UPDATE schema_info SET version = @Version", new { Version }, transaction);
        }
        else if (found is null)
        {
            await connection.ExecuteAsync("INSERT INTO schema_info (version) VALUES (@Version)", new { Version }, transaction);
        }
        else if (found != Version)
        {
            throw new InvalidOperationException(
                $"The database has Calltrail schema version {found}; this build uses version {Version}. Use a new data directory or database.");
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
