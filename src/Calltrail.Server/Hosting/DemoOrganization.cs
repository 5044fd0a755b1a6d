using Calltrail.Phones;
using Calltrail.Settings;
using Calltrail.Storage.Organization;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>
/// <c>--seed-demo</c>: on an empty database, a small organization to try Calltrail with — two tenants
/// (a plumber and an HVAC company), their tracking numbers and campaigns, three queues (one with a
/// custom setting), employees with and without a seat, and one number on the exclusion list. It goes
/// through the organization store like any change, so it is audited as made by "demo-seed".
/// </summary>
internal sealed partial class DemoOrganization(
    OrganizationStore store, IOptions<CalltrailOptions> options, TimeProvider clock, ILogger<DemoOrganization> log)
    : IHostedService
{
    public const string Actor = "demo-seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        if ((await store.ListTenantsAsync(cancellationToken)).Count > 0 || (await store.ListQueuesAsync(cancellationToken)).Count > 0)
        {
            NotEmpty(log);
            return;
        }

        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await SeedAsync(at, cancellationToken);
        Seeded(log);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(long at, CancellationToken cancellationToken)
    {
        Check(await store.SaveTenantAsync("north", "North Plumbing", FieldServiceSettings.Default, Actor, at, cancellationToken));
        Check(await store.SaveTenantAsync("south", "South Heating & Air",
            FieldServiceSettings.Default with { Outbound = RecordingMode.OnDemand }, Actor, at, cancellationToken));
        foreach (var (number, tenant, campaign) in new[]
        {
            ("+15550142000", "north", new Campaign("Spring mailer", "direct-mail", "postcard", "offline")),
            ("+15550142001", "north", new Campaign("Drain cleaning ads", "paid-search", "google", "cpc")),
            ("+15550143000", "south", new Campaign("Directory listing", "directory", "yelp", "referral")),
        })
        {
            Check(await store.SaveTrackingNumberAsync(new TrackingNumber(PhoneNumber.FromE164(number), tenant, campaign), Actor, at, null, cancellationToken));
        }

        foreach (var (id, name) in new[] { ("sales", "Sales"), ("service", "Service"), ("billing", "Billing") })
        {
            Check(await store.SaveQueueAsync(id, name, Actor, at, cancellationToken));
        }

        // Billing takes card payments: the demo shows a custom (sticky) queue setting.
        Check(await store.SetQueueRecordingAsync("billing", new QueueSetting(Record: false), Actor, at, cancellationToken));
        Check(await store.SaveEmployeeAsync("ana", new EmployeeDetails("Ana Ortiz", Seat: true, PhoneNumber.FromE164("+15550100101"), ["sales", "service"], "agent"), Actor, at, cancellationToken));
        Check(await store.SaveEmployeeAsync("carl", new EmployeeDetails("Carl Berg", Seat: true, PhoneNumber.FromE164("+15550100103"), ["billing"], "agent"), Actor, at, cancellationToken));
        Check(await store.SaveEmployeeAsync("ben", new EmployeeDetails("Ben Price", Seat: false, null, [], "supervisor"), Actor, at, cancellationToken));
        Check(await store.AddExclusionAsync(PhoneNumber.FromE164("+15550109999"), Actor, at, cancellationToken));
    }

    private static void Check<T>(Written<T> written)
    {
        if (written.Refusal is { } refused)
        {
            throw new InvalidOperationException($"The demo organization could not be created: {refused.Field}: {refused.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Seeded the demo organization: tenants north and south, tracking numbers +15550142000, +15550142001 and +15550143000, " +
        "queues sales, service and billing (billing does not record: a custom setting), employees ana, carl and ben (no seat).")]
    private static partial void Seeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "--seed-demo: the database already holds an organization; nothing was seeded.")]
    private static partial void NotEmpty(ILogger logger);
}
