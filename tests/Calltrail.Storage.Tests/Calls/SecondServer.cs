using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;

namespace Calltrail.Storage.Tests.Calls;

/// <summary>
/// Another server on the same PostgreSQL database as a <see cref="LiveCalls"/>: a call store with a
/// connection pool, settings cache and parse cache of its own, as a second process would have.
/// </summary>
internal sealed class SecondServer : IDisposable
{
    private readonly Db db;

    public SecondServer(LiveCalls first)
    {
        db = Db.PostgreSql(first.Database.ConnectionString);
        var phones = new PhoneNumberParser();
        Store = new CallStore(db, new SettingsVersions(db, new ScenarioReader(phones)), new LiveEventReader(phones));
    }

    public CallStore Store { get; }

    public void Dispose() => db.Dispose();
}
