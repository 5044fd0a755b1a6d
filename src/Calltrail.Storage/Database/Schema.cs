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
    /// An older one listed in <see cref="Upgradable"/> is brought up to date in the same transaction
    /// that records the new version, so an upgrade happens entirely or not at all.
    /// </summary>
    public const int Version = 4;

    /// <summary>
    /// Versions this build upgrades in place: 2 added the recordings tables (the statements below create
    /// them), 3 added <c>calls.plan_version</c> and <c>recordings.agreement</c> (<see cref="CallSchema.UpgradeAsync"/>
    /// and <see cref="RecordingSchema.UpgradeAsync"/> add them where missing), 4 added <c>api_tokens.employee</c>
    /// (<see cref="AccessSchema.UpgradeAsync"/>).
    /// </summary>
    private static readonly int[] Upgradable = [1, 2, 3];

    /// <summary>
    /// Any fixed number: servers starting together on one PostgreSQL database take turns creating the
    /// tables, where concurrent <c>CREATE TABLE IF NOT EXISTS</c> could fail and two version rows be written.
    /// </summary>
    private const long SchemaLockKey = 0x43616c6c74726169; // "Calltrai"

    public static async Task EnsureCreatedAsync(Db db, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // The write-ahead log is a property of the file: set once, kept.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@SchemaLockKey)", new { SchemaLockKey }, transaction);
        }

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
        if (found is null)
        {
            await connection.ExecuteAsync("INSERT INTO schema_info (version) VALUES (@Version)", new { Version }, transaction);
        }
        else if (Upgradable.Contains(found.Value))
        {
            await CallSchema.UpgradeAsync(connection, transaction, db.Dialect);
            await RecordingSchema.UpgradeAsync(connection, transaction, db.Dialect);
            await AccessSchema.UpgradeAsync(connection, transaction, db.Dialect);
            await connection.ExecuteAsync("UPDATE schema_info SET version = @Version", new { Version }, transaction);
        }
        else if (found != Version)
        {
            throw new InvalidOperationException(
                $"The database has Calltrail schema version {found}; this build uses version {Version}. Use a new data directory or database.");
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
