using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Calltrail.Storage.Database;

/// <summary>
/// Opens connections to the configured database. SQLite connections are tuned for durability:
/// write-ahead log with <c>synchronous=FULL</c>, so a committed transaction survives a crash or a
/// power cut — the service answers 2xx only after such a commit.
/// </summary>
public sealed class Db : IDisposable
{
    private readonly NpgsqlDataSource? postgres;
    private readonly string? sqlite;

    private Db(Dialect dialect, string? sqlite, NpgsqlDataSource? postgres)
    {
        Dialect = dialect;
        this.sqlite = sqlite;
        this.postgres = postgres;
    }

    static Db()
    {
        // Dapper maps snake_case columns to PascalCase properties.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Dialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    /// <summary>An embedded database in <paramref name="file"/>; its directory must exist.</summary>
    public static Db Sqlite(string file)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Db(Dialect.Sqlite, builder.ToString(), null);
    }

    /// <summary>An embedded database named by a full SQLite connection string.</summary>
    public static Db SqliteFromConnectionString(string connectionString) => new(Dialect.Sqlite, connectionString, null);

    public static Db PostgreSql(string connectionString) =>
        new(Dialect.PostgreSql, null, NpgsqlDataSource.Create(connectionString));

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(sqlite);
        await connection.OpenAsync(cancellationToken);
        // Per connection: these are not remembered in the file. busy_timeout lets a writer wait for another.
        // Fewer, larger checkpoints: the log is still synced at every commit, so durability is the same,
        // but pages rewritten by many commits reach the database file once (the log may grow to ~64 MiB).
        await connection.ExecuteAsync(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 16000;");
        return connection;
    }

    public void Dispose() => postgres?.Dispose();
}
