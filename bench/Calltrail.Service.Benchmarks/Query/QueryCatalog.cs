using System.Globalization;
using Calltrail.Benchmarks;
using Calltrail.Calls;
using Calltrail.Service.Benchmarks.Workload;

namespace Calltrail.Service.Benchmarks.Query;

/// <summary>
/// The common questions asked of a call log, as query strings. Each run picks the next value in turn (tenant,
/// campaign, employee, …) so that 200 runs do not ask one cached question 200 times.
/// </summary>
internal static class QueryCatalog
{
    public sealed record Question(string Name, Func<int, string> Query);

    public static IReadOnlyList<Question> Build(IReadOnlyDictionary<string, (string Page2, string Page10)> cursors, string log)
    {
        var org = OrganizationSeed.Organization;
        var campaigns = OrganizationSeed.AllCampaigns.ToArray();
        var employees = org.SeatEmployees.Concat(org.NonSeatEmployees).Order(StringComparer.Ordinal).ToArray();
        var callers = Callers();
        return
        [
            new("newest page", _ => ""),
            new("by tenant", r => $"tenant={org.Tenants[r % org.Tenants.Length]}"),
            new("by tenant + one week", r => $"tenant={org.Tenants[r % org.Tenants.Length]}&{Week(r)}"),
            new("by campaign", r => $"campaign={campaigns[r % campaigns.Length]}"),
            new("by employee", r => $"employee={employees[r % employees.Length]}"),
            new("by queue", r => $"queue={org.Queues[r % org.Queues.Length]}"),
            new("recorded=false", _ => "recorded=false"),
            new("classification=booked", _ => "classification=booked"),
            new("by caller number", r => $"caller={Uri.EscapeDataString(callers[r % callers.Length])}"),
            new("page 2 (cursor)", _ => $"cursor={cursors[log].Page2}"),
            new("page 10 (cursor)", _ => $"cursor={cursors[log].Page10}"),
        ];
    }

    /// <summary>One week somewhere in the loaded period.</summary>
    private static string Week(int run)
    {
        var since = Loader.Start.AddDays(run * 7 % (Loader.Days - 7));
        return $"since={Iso(since)}&until={Iso(since.AddDays(7))}";
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Customers who called in: the first inbound callers of the same deterministic mix the loader stored.</summary>
    private static string[] Callers() =>
        [.. RealisticMix.Build(4_096).Where(s => s.Call.IsInbound && !s.Call.Internal && s.Call.From is not null)
            .Select(s => s.Call.From!.Value.E164).Distinct().Take(200)];
}
