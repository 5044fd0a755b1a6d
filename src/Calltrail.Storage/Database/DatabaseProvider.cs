namespace Calltrail.Storage.Database;

/// <summary>The database engines Calltrail stores its records in (configuration <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, one file under the data directory; nothing to install.</summary>
    Sqlite,

    /// <summary>For scale: several servers, large call logs.</summary>
    PostgreSql,
}
