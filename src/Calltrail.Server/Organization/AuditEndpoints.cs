using System.Globalization;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Server.Access;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary><c>GET /api/settings/audit</c>: every settings change, newest first, a page at a time.</summary>
internal static class AuditEndpoints
{
    private const int DefaultLimit = 50;

    public static void MapSettingsAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/settings/audit", Read)
            .WithTags("Settings audit")
            .WithSummary("Settings changes, newest first. Follow 'next' for older ones.")
            .Produces<AuditPage>().ProducesValidationProblem()
            .ForWholeOrganization()
            .RequirePermission(Permission.ViewCalls);

    private static async Task<IResult> Read(string? limit, string? before, OrganizationStore store, CancellationToken cancellationToken)
    {
        var problems = new List<ScenarioProblem>();
        var size = Whole(limit, "limit", 1, OrganizationStore.MaxAuditPage, problems) ?? DefaultLimit;
        var after = Whole(before, "before", 1, long.MaxValue, problems);
        if (problems.Count > 0)
        {
            return Answers.Invalid(problems);
        }

        var entries = await store.ReadAuditAsync((int)size, after, cancellationToken);
        var next = entries.Count == size ? $"/api/settings/audit?limit={size}&before={entries[^1].Id}" : null;
        return Answers.Ok(new AuditPage([.. entries.Select(AuditEntryView.Of)], next));
    }

    private static long? Whole(string? text, string field, long min, long max, List<ScenarioProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add(new(field, max == long.MaxValue ? "must be an entry id (a whole number from 1)" : $"must be a whole number from {min} to {max}"));
        return null;
    }
}

/// <summary>A page of the audit; <c>next</c> fetches the older entries, and is null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, string? Next);

/// <summary>One settings change, with the values before and after as JSON (null when there was none).</summary>
public sealed record AuditEntryView(long Id, string At, string Actor, string Subject, JsonElement? Before, JsonElement? After)
{
    internal static AuditEntryView Of(AuditEntry entry) =>
        new(entry.Id, Answers.Time(entry.At), entry.Actor, entry.Subject, Parse(entry.Before), Parse(entry.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
