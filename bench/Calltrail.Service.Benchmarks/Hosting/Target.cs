using Calltrail.Storage.Database;

namespace Calltrail.Service.Benchmarks.Hosting;

/// <summary>
/// Where one server run keeps its data: a data directory (SQLite's file is <c>calltrail.db</c> in it), or a
/// PostgreSQL database (the data directory then holds only the server's keys).
/// </summary>
/// <param name="Cluster">The private cluster behind <paramref name="ConnectionString"/>, if the harness started it (its CPU is measured).</param>
public sealed record Target(string Provider, string DataDirectory, string? ConnectionString, PostgresCluster? Cluster)
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public string SqliteFile => Path.Combine(DataDirectory, "calltrail.db");

    /// <summary>Appended to the server's PostgreSQL connection string only (<c>--pg-server-options</c>), e.g. <c>Max Auto Prepare=64</c>.</summary>
    public string? ServerConnectionOptions { get; init; }

    /// <summary>Opens the database the way the server does (for SQLite: WAL, synchronous=FULL).</summary>
    public Db Open()
    {
        Directory.CreateDirectory(DataDirectory);
        return Provider == Sqlite ? Db.Sqlite(SqliteFile) : Db.PostgreSql(ConnectionString!);
    }

    /// <summary>The server's configuration, as environment variables, plus any <c>--server-env</c> overrides.</summary>
    public Dictionary<string, string> ServerEnvironment(string adminToken, IReadOnlyDictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CALLTRAIL_ADMIN_TOKEN"] = adminToken,
            ["Calltrail__DataDirectory"] = DataDirectory,
            ["Database__Provider"] = Provider,
        };
        if (ConnectionString is not null)
        {
            environment["Database__ConnectionString"] = ServerConnectionOptions is null ? ConnectionString : $"{ConnectionString};{ServerConnectionOptions}";
        }

        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>CPU seconds of the database server, when it is the harness's own cluster; NaN otherwise.</summary>
    public double DatabaseCpuSeconds() => Cluster?.CpuSeconds() ?? double.NaN;

    /// <summary>Bytes the database server wrote to storage, when it is the harness's own cluster; 0 otherwise.</summary>
    public long DatabaseWriteBytes() => Cluster?.WriteBytes() ?? 0;
}
