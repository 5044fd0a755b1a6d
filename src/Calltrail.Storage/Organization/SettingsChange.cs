using System.Data.Common;
using Dapper;

namespace Calltrail.Storage.Organization;

/// <summary>
/// One settings write in progress: its transaction, who makes it and when. Every change of a setting
/// goes through <see cref="AuditAsync"/>, which writes the audit row in the same transaction and counts
/// the change, so a write that changed nothing publishes no new settings version.
/// </summary>
internal sealed class SettingsChange(DbConnection connection, DbTransaction transaction, string actor, long at)
{
    public string Actor => actor;

    public long At => at;

    /// <summary>How many settings actually changed (audit rows written).</summary>
    public int Changes { get; private set; }

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => connection.ExecuteAsync(sql, parameters, transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) => connection.QueryAsync<T>(sql, parameters, transaction);

    public Task<T?> QueryOneAsync<T>(string sql, object? parameters = null) => connection.QuerySingleOrDefaultAsync<T>(sql, parameters, transaction);

    /// <summary>
    /// Records that <paramref name="subject"/> went from <paramref name="before"/> to <paramref name="after"/>
    /// (JSON text); false, and nothing written, when they are the same.
    /// </summary>
    public async Task<bool> AuditAsync(string subject, string? before, string? after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return false;
        }

        await ExecuteAsync(
            "INSERT INTO settings_audit (at, actor, subject, before, after) VALUES (@at, @actor, @subject, @before, @after)",
            new { at, actor, subject, before, after });
        Changes++;
        return true;
    }
}
