using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Settings;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Organization;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>A call store over a fresh database, with helpers to put settings in force and play scenarios.</summary>
internal sealed class LiveCalls : IAsyncDisposable
{
    public const long ConnectAt = 1_790_000_000_000;

    private LiveCalls(TestDatabase database)
    {
        Database = database;
        var phones = new PhoneNumberParser();
        Reader = new ScenarioReader(phones);
        Versions = new SettingsVersions(database.Db, Reader);
        Store = new CallStore(database.Db, Versions, new LiveEventReader(phones));
        Queries = new CallQueries(database.Db);
    }

    public TestDatabase Database { get; }

    public ScenarioReader Reader { get; }

    public SettingsVersions Versions { get; }

    public CallStore Store { get; }

    public CallQueries Queries { get; }

    /// <summary>A fresh database whose organization has the tenants north and south (the store refuses calls of a tenant that does not exist).</summary>
    public static async Task<LiveCalls> CreateAsync(Calltrail.Storage.Database.DatabaseProvider provider)
    {
        var calls = new LiveCalls(await TestDatabase.CreateAsync(provider));
        await calls.AddTenantsAsync(["north", "south"]);
        return calls;
    }

    public async Task AddTenantsAsync(IEnumerable<string> tenants)
    {
        await using var connection = await Database.Db.OpenAsync();
        foreach (var id in tenants)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                """
                INSERT INTO tenants (id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination)
                VALUES (@id, @id, 'automatically', 'automatically', TRUE, FALSE, 'voice-agent')
                ON CONFLICT (id) DO NOTHING
                """,
                new { id });
        }
    }

    /// <summary>Publishes the scenario's settings as the organization's current ones.</summary>
    public async Task UseSettingsAsync(OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees)
    {
        await using var connection = await Database.Db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var snapshot = await Versions.PublishAsync(connection, transaction, settings, employees, ConnectAt);
        await transaction.CommitAsync();
        Versions.Committed(snapshot);
        await AddTenantsAsync(settings.FieldService.Keys);
    }

    public Task<BatchResult> SendAsync(params LiveEvent[] events) => SendAsync(null, events);

    public Task<BatchResult> SendAsync(IReadOnlyCollection<string>? allowedTenants, params LiveEvent[] events) =>
        Store.ApplyAsync([new EventSubmission(events, allowedTenants)], ConnectAt);

    public async Task<CallView> PlayAsync(Scenario scenario, string callId)
    {
        await UseSettingsAsync(scenario.Settings, scenario.Employees);
        foreach (var e in ScenarioPlayback.ToEvents(scenario, callId, ConnectAt))
        {
            await SendAsync(e);
        }

        return (await Queries.CallAsync(callId, null))!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
