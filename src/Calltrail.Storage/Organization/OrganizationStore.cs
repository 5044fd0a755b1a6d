using System.Data;
using System.Data.Common;
using Calltrail.Storage.Database;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Calltrail.Storage.Organization;

/// <summary>
/// The organization: tenants and their tracking numbers, queues, employees, the contact center's
/// settings and the exclusion list. Every change runs in one transaction that also writes its audit
/// rows and publishes the settings version the engine will judge new calls by; a refused change
/// writes nothing. Writes are serialized (here, and across servers by a lock row) so versions never race.
/// </summary>
public sealed partial class OrganizationStore(Db db, SettingsVersions versions) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own. A refusal or an exception rolls it all
    /// back; otherwise, when anything changed, the new settings version is published before the commit
    /// and made current after it.
    /// </summary>
    private async Task<Written<T>> WriteAsync<T>(
        string actor, long at, Func<SettingsChange, Task<Written<T>>> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("UPDATE settings_write_lock SET id = 1 WHERE id = 1", transaction: transaction);
            var change = new SettingsChange(connection, transaction, actor, at);
            var written = await write(change);
            if (!written.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return written;
            }

            SettingsSnapshot? published = null;
            if (change.Changes > 0)
            {
                var view = await EngineView.ReadAsync(connection, transaction);
                published = await versions.PublishAsync(connection, transaction, view.Settings, view.Employees, at);
            }

            var version = published?.Version ?? await LatestVersionAsync(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            if (published is not null)
            {
                versions.Committed(published);
            }

            return written with { Version = version };
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> against one consistent snapshot of the tables.</summary>
    private async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        // SQLite: a deferred transaction reads one snapshot of the write-ahead log without blocking writers.
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var result = await read(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static Task<long> LatestVersionAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM settings_versions", transaction: transaction);
}
