namespace Calltrail.Storage.Database;

/// <summary>
/// The <c>Database</c> configuration section. <c>Provider</c> is <c>sqlite</c> (the default: a file
/// under the data directory) or <c>postgresql</c>, which needs <c>ConnectionString</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = "sqlite";

    /// <summary>PostgreSQL: required. SQLite: optional; the default is <c>{DataDirectory}/calltrail.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Reads <see cref="Provider"/>, or says what is wrong with it.</summary>
    public bool TryGetProvider(out DatabaseProvider provider, out string problem)
    {
        problem = string.Empty;
        switch (Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "postgresql" or "postgres" or "npgsql":
                provider = DatabaseProvider.PostgreSql;
                if (string.IsNullOrWhiteSpace(ConnectionString))
                {
                    problem = "Database:ConnectionString is required when Database:Provider is postgresql (for example Host=127.0.0.1;Username=calltrail;Database=calltrail).";
                    return false;
                }

                return true;
            default:
                provider = DatabaseProvider.Sqlite;
                problem = $"Database:Provider '{Provider}' is not known; use sqlite or postgresql.";
                return false;
        }
    }

    /// <summary>Opens the configured database; SQLite's file goes in <paramref name="dataDirectory"/> unless a connection string says otherwise.</summary>
    public Db Open(string dataDirectory)
    {
        if (!TryGetProvider(out var provider, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        return provider == DatabaseProvider.PostgreSql
            ? Db.PostgreSql(ConnectionString!)
            : string.IsNullOrWhiteSpace(ConnectionString)
                ? Db.Sqlite(Path.Combine(dataDirectory, "calltrail.db"))
                : Db.SqliteFromConnectionString(ConnectionString);
    }
}
