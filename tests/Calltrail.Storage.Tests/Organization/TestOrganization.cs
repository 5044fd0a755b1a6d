using Calltrail.Phones;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;
using Dapper;

namespace Calltrail.Storage.Tests.Organization;

/// <summary>A store over one test's own database, with the settings versions it publishes to.</summary>
internal sealed class TestOrganization : IDisposable
{
    public const string Actor = "dana@example.com";

    private static readonly PhoneNumberParser Phones = new();

    public TestOrganization(TestDatabase database)
    {
        Database = database;
        Versions = new SettingsVersions(database.Db, new ScenarioReader(Phones));
        Store = new OrganizationStore(database.Db, Versions);
    }

    public TestDatabase Database { get; }

    public SettingsVersions Versions { get; }

    public OrganizationStore Store { get; }

    public static PhoneNumber Number(string text) =>
        Phones.TryParse(text, out var number, out var problem) ? number : throw new ArgumentException(problem, nameof(text));

    /// <summary>What the tables hold, counted, to show a refused change wrote nothing.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync() => await Store.ReadAuditAsync(OrganizationStore.MaxAuditPage);

    public void Dispose() => Store.Dispose();
}
