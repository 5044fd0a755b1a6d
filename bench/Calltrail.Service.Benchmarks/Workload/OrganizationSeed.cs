using Calltrail.Benchmarks;
using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Dapper;

namespace Calltrail.Service.Benchmarks.Workload;

/// <summary>
/// Puts the realistic mix's organization into a database before the server starts: its 20 tenants, their
/// 60 tracking numbers (one campaign each, so calls resolve a campaign) and a settings version holding
/// the contact center's and field service's settings and the 200 employees. This branch has no settings
/// API yet, so the harness publishes the version the way the server's own tests do
/// (<see cref="SettingsVersions.PublishAsync"/>).
/// </summary>
internal static class OrganizationSeed
{
    /// <summary>Each tenant's tracking numbers, in order, advertise these campaigns: (name suffix, category, source, medium).</summary>
    private static readonly (string Name, string Category, string Source, string Medium)[] Campaigns =
    [
        ("google-ads", "paid-search", "google", "cpc"),
        ("yard-signs", "offline", "yard-sign", "print"),
        ("direct-mail", "offline", "postcard", "mail"),
    ];

    /// <summary>The organization <see cref="RealisticMix.Build"/> uses for the same seed (it is built first from the seeded Random).</summary>
    public static MixOrganization Organization { get; } = MixOrganization.Create(new Random(RealisticMix.DefaultSeed));

    public static string Campaign(int tenant, int number) => $"{Organization.Tenants[tenant]}-{Campaigns[number].Name}";

    public static IEnumerable<string> AllCampaigns =>
        Organization.Tenants.SelectMany((_, t) => Enumerable.Range(0, Campaigns.Length).Select(n => Campaign(t, n)));

    /// <summary>Creates the schema and the organization, unless a settings version already exists.</summary>
    public static async Task SeedAsync(Db db, long at)
    {
        await Schema.EnsureCreatedAsync(db);
        await using var connection = await db.OpenAsync();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM settings_versions") > 0)
        {
            return;
        }

        var org = Organization;
        await using var transaction = await connection.BeginTransactionAsync();
        for (var t = 0; t < org.Tenants.Length; t++)
        {
            var fs = org.FieldService[org.Tenants[t]];
            await connection.ExecuteAsync(
                """
                INSERT INTO tenants (id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination)
                VALUES (@id, @name, @inbound, @outbound, @usesContactCenter, @continuityEnabled, @continuityDestination)
                """,
                new
                {
                    id = org.Tenants[t], name = $"Tenant {t + 1}", inbound = ContractNames.RecordingModes.NameOf(fs.Inbound),
                    outbound = ContractNames.RecordingModes.NameOf(fs.Outbound), usesContactCenter = fs.UsesContactCenter,
                    continuityEnabled = fs.Continuity.Enabled, continuityDestination = ContractNames.ContinuityDestinations.NameOf(fs.Continuity.Destination),
                },
                transaction);
            for (var n = 0; n < org.TrackingNumbers[t].Length; n++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO tracking_numbers (number, tenant_id, campaign, category, source, medium) VALUES (@number, @tenant, @campaign, @category, @source, @medium)",
                    new
                    {
                        number = org.TrackingNumbers[t][n].E164, tenant = org.Tenants[t], campaign = Campaign(t, n),
                        category = Campaigns[n].Category, source = Campaigns[n].Source, medium = Campaigns[n].Medium,
                    },
                    transaction);
            }
        }

        await new SettingsVersions(db, new ScenarioReader()).PublishAsync(connection, transaction, org.Settings, org.Employees, at);
        await transaction.CommitAsync();
    }
}
