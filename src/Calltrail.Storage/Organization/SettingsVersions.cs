using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Data.Common;
using System.Text;
using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Settings;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Organization;

/// <summary>Everything the engine reads about the organization, as it stood at one version.</summary>
public sealed record SettingsSnapshot(long Version, OrganizationSettings Settings, IReadOnlyDictionary<string, Employee> Employees)
{
    /// <summary>Version 0: nothing configured yet, every default in force.</summary>
    public static SettingsSnapshot Initial { get; } =
        new(0, OrganizationSettings.Default, FrozenDictionary<string, Employee>.Empty);
}

/// <summary>
/// Every change to the settings publishes a new numbered snapshot, in the same transaction as the
/// change. A call is judged by the snapshot current when its first event arrived, so a settings edit
/// never rewrites a call already under way, and replaying late or repeated events of an old call
/// gives the same records. Snapshots are stored in the scenario format's own JSON shape.
/// </summary>
public sealed class SettingsVersions(Db db, ScenarioReader reader)
{
    private readonly ConcurrentDictionary<long, SettingsSnapshot> cache = new();
    private SettingsSnapshot? current;

    /// <summary>The latest committed snapshot.</summary>
    public async Task<SettingsSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is { } known)
        {
            return known;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<SnapshotRow>(
            "SELECT version, snapshot FROM settings_versions ORDER BY version DESC LIMIT 1");
        var latest = row is null ? SettingsSnapshot.Initial : Parse(row);
        cache.TryAdd(latest.Version, latest);
        Volatile.Write(ref current, latest);
        return latest;
    }

    public async Task<SettingsSnapshot> GetAsync(long version, CancellationToken cancellationToken = default)
    {
        if (version == 0)
        {
            return SettingsSnapshot.Initial;
        }

        if (cache.TryGetValue(version, out var snapshot))
        {
            return snapshot;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<SnapshotRow>(
            "SELECT version, snapshot FROM settings_versions WHERE version = @version", new { version })
            ?? throw new InvalidOperationException($"Settings version {version} is not stored.");
        return cache.GetOrAdd(version, Parse(row));
    }

    /// <summary>
    /// Stores <paramref name="settings"/> as the next version inside the caller's transaction. Call
    /// <see cref="Committed"/> with the result once that transaction commits.
    /// </summary>
    public async Task<SettingsSnapshot> PublishAsync(
        DbConnection connection,
        DbTransaction transaction,
        OrganizationSettings settings,
        IReadOnlyDictionary<string, Employee> employees,
        long at)
    {
        var next = 1 + await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(MAX(version), 0) FROM settings_versions", transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO settings_versions (version, snapshot, created_at) VALUES (@next, @snapshot, @at)",
            new { next, snapshot = OrganizationJson.Serialize(settings, employees), at },
            transaction);
        return new SettingsSnapshot(next, settings, employees.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Makes a published snapshot the current one, after its transaction committed.</summary>
    public void Committed(SettingsSnapshot snapshot)
    {
        cache.TryAdd(snapshot.Version, snapshot);
        SettingsSnapshot? seen;
        do
        {
            seen = Volatile.Read(ref current);
            if (seen is not null && seen.Version >= snapshot.Version)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref current, snapshot, seen) != seen);
    }

    /// <summary>Forgets the cached current version (another server may have changed the settings).</summary>
    public void Refresh() => Volatile.Write(ref current, null);

    private SettingsSnapshot Parse(SnapshotRow row)
    {
        var file = reader.ReadOrganization(Encoding.UTF8.GetBytes(row.Snapshot));
        if (!file.IsValid)
        {
            throw new InvalidOperationException(
                $"Stored settings version {row.Version} does not read back: {string.Join("; ", file.Problems)}");
        }

        return new SettingsSnapshot(row.Version, file.Settings, file.Employees);
    }

    private sealed record SnapshotRow(long Version, string Snapshot);
}
