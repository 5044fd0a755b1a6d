using Calltrail.Storage.Database;
using Npgsql;
using Xunit;

namespace Calltrail.TestKit.Databases;

/// <summary>
/// A database of one test's own, empty, on either engine: a fresh SQLite file, or a fresh schema on the
/// test PostgreSQL server. Tests never share data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? directory;
    private readonly string? schema;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? schema)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.directory = directory;
        this.schema = schema;
        Db = provider == DatabaseProvider.Sqlite ? Db.SqliteFromConnectionString(connectionString) : Db.PostgreSql(connectionString);
    }

    /// <summary>For <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    /// <summary>Every spec example on each engine, for tests that play the examples through storage.</summary>
    public static TheoryData<DatabaseProvider, string> ExamplesOnBothEngines()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var example in SpecExamples.All)
            {
                data.Add(provider, example.Name);
            }
        }

        return data;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Value for the server's <c>Database:Provider</c> setting.</summary>
    public string ProviderSetting => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    public Db Db { get; }

    /// <summary>An empty database with Calltrail's tables.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Sqlite ? NewSqlite() : await NewPostgresAsync();
        await Schema.EnsureCreatedAsync(database.Db);
        return database;
    }

    /// <summary>Like <see cref="CreateAsync"/> but without tables, for a server that creates them itself.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? NewSqlite() : await NewPostgresAsync();

    public async ValueTask DisposeAsync()
    {
        Db.Dispose();
        if (schema is not null)
        {
            await using var connection = new NpgsqlConnection(PrivatePostgres.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A pooled handle may still hold the file for a moment; the temp directory is cleaned by the OS.
            }
        }
    }

    private static TestDatabase NewSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"calltrail-db-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "calltrail.db")};Pooling=True", dir, null);
    }

    private static async Task<TestDatabase> NewPostgresAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        var server = PrivatePostgres.ConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 10 };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, null, schema);
    }
}
