using System.Diagnostics;
using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Xunit.Abstractions;

namespace Calltrail.Storage.Tests.Organization;

/// <summary>
/// <c>calltrail replay</c> imports each scenario's settings before judging it, so an import must be
/// quick. The bound here is loose, to catch a slip into per-row round trips or full rewrites rather than
/// to benchmark; the measured times are printed.
/// </summary>
public sealed class ImportSpeedTests(ITestOutputHelper output)
{
    private const int Rounds = 30;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_a_small_organizations_settings_takes_milliseconds(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var org = new TestOrganization(db);
        var (first, second) = (SmallOrganization(recordSales: true), SmallOrganization(recordSales: false));
        var employees = new Dictionary<string, Employee> { ["ana"] = new(true), ["ben"] = new(false) };
        await org.Store.ImportAsync(first, employees, "replay", 0);

        var changing = new List<double>();
        var unchanged = new List<double>();
        for (var i = 1; i <= Rounds; i++)
        {
            changing.Add(await TimeAsync(() => org.Store.ImportAsync(i % 2 == 0 ? first : second, employees, "replay", i)));
            unchanged.Add(await TimeAsync(() => org.Store.ImportAsync(i % 2 == 0 ? first : second, employees, "replay", i)));
        }

        output.WriteLine($"{provider}: import that changes settings, median {Median(changing):F1} ms; import of the settings in force, median {Median(unchanged):F1} ms");
        Assert.InRange(Median(changing), 0, 100);
        Assert.InRange(Median(unchanged), 0, 100);
    }

    private static OrganizationSettings SmallOrganization(bool recordSales) => new()
    {
        ContactCenter = new ContactCenterSettings
        {
            Queues = new Dictionary<string, QueueSetting> { ["sales"] = new(recordSales), ["service"] = new(true), ["billing"] = new(false) },
            Users = new Dictionary<string, UserSetting> { ["ana"] = new(recordSales, true), ["cara"] = new(false, false) },
            ExclusionList = new ExclusionList([TestOrganization.Number(recordSales ? "+15550109999" : "+15550108888"), TestOrganization.Number("+15550107777")]),
            AnnounceRecording = recordSales,
        },
        FieldService = new Dictionary<string, FieldServiceSettings>
        {
            ["north"] = new() { Outbound = recordSales ? RecordingMode.Automatically : RecordingMode.OnDemand },
            ["south"] = new(),
            ["east"] = new() { UsesContactCenter = false },
        },
    };

    private static async Task<double> TimeAsync(Func<Task> import)
    {
        var watch = Stopwatch.StartNew();
        await import();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
