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

    /// <summary>The SQLite file, until it is known to exist.</summary>
    private string? sqliteFile;

    private Db(Dialect dialect, string? sqlite, NpgsqlDataSource? postgres)
    {
        Dialect = dialect;
        this.sqlite = sqlite;
        this.postgres = postgres;
        if (sqlite is not null && new SqliteConnectionStringBuilder(sqlite) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } file }
            && file != ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            sqliteFile = file;
        }
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

    /// <summary>
    /// PostgreSQL at <paramref name="connectionString"/>. Unless it says otherwise, statements run often are
    /// prepared on each connection (<c>Max Auto Prepare</c>): the call store runs the same few statements for
    /// every event, and parsing and planning them each time was most of PostgreSQL's CPU under ingestion (measured:
    /// docs/performance.md, "Service"). Set <c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared statements.
    /// </summary>
    public static Db PostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return new Db(Dialect.PostgreSql, null, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        if (sqliteFile is { } file)
        {
            CreatePrivately(file);
            sqliteFile = null;
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

    /// <summary>
    /// SQLite would create the database 0644 (less the umask); made empty here first, 0600, it is never
    /// readable by others. SQLite gives its -wal and -shm files the database file's own mode.
    /// </summary>
    private static void CreatePrivately(string file)
    {
        if (OperatingSystem.IsWindows() || File.Exists(file))
        {
            return;
        }

        try
        {
            using var created = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another connection made it first.
        }
    }
}
