using System.Text;
using Calltrail.Storage.Database;
using Calltrail.Storage.Recordings;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>
/// The questions asked of the logs. Every filter is optional; <see cref="AllowedTenants"/> (null: all)
/// is the caller's tenant limit and is always applied. Numbers are E.164, times Unix ms.
/// </summary>
public sealed record CallFilter
{
    public string? Tenant { get; init; }

    public string? Campaign { get; init; }

    public string? Employee { get; init; }

    public string? Queue { get; init; }

    public string? Direction { get; init; }

    /// <summary>Calls that started at or after this moment.</summary>
    public long? Since { get; init; }

    /// <summary>Calls that started before this moment.</summary>
    public long? Until { get; init; }

    public bool? Recorded { get; init; }

    public string? Classification { get; init; }

    public string? Caller { get; init; }

    public string? Called { get; init; }

    public IReadOnlyCollection<string>? AllowedTenants { get; init; }
}

/// <summary>
/// Reads the two logs: pages newest first (start time, then call id, so the order is total and stable
/// while calls keep arriving), with an opaque cursor for the next page.
/// </summary>
public sealed class CallQueries(Db db)
{
    public const int MaxPageSize = 500;

    public async Task<LogPage<ContactCenterEntryView>> ContactCenterAsync(CallFilter filter, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var (rows, next) = await PageAsync("contact_center_log", filter, limit, cursor, cancellationToken);
        var recordings = await RecordingsAsync(rows.Select(r => r.CallId), cancellationToken);
        return new LogPage<ContactCenterEntryView>([.. rows.Select(r => Views.ContactCenter(r) with { Recordings = recordings(r.CallId), RecordingDisagreesWithVerdict = Disagrees(recordings(r.CallId)) })], next);
    }

    public async Task<LogPage<FieldServiceEntryView>> FieldServiceAsync(CallFilter filter, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var (rows, next) = await PageAsync("field_service_log", filter, limit, cursor, cancellationToken);
        var recordings = await RecordingsAsync(rows.Select(r => r.CallId), cancellationToken);
        return new LogPage<FieldServiceEntryView>([.. rows.Select(r => WithSynced(Views.FieldService(r), recordings(r.CallId)))], next);
    }

    /// <summary>One call with both its records, or null if unknown or outside the caller's tenants.</summary>
    public async Task<CallView?> CallAsync(string callId, IReadOnlyCollection<string>? allowedTenants, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CallRow>("SELECT * FROM calls WHERE call_id = @callId", new { callId });
        if (row is null || (allowedTenants is not null && (row.TenantId is null || !allowedTenants.Contains(row.TenantId))))
        {
            return null;
        }

        var cc = await connection.QueryFirstOrDefaultAsync<LogRow>("SELECT * FROM contact_center_log WHERE call_id = @callId", new { callId });
        var fs = await connection.QueryFirstOrDefaultAsync<LogRow>("SELECT * FROM field_service_log WHERE call_id = @callId", new { callId });
        var recordings = (await RecordingsAsync([callId], cancellationToken))(callId);
        return new CallView(
            row.CallId, row.Status, row.TenantId, row.SettingsVersion, row.Path, LogEntries.ReasonIdsOf(row.Reasons),
            StoredPlan.FromJson(row.Plan), row.Problems is null ? null : Views.Json(row.Problems),
            cc is null ? null : Views.ContactCenter(cc) with { Recordings = recordings, RecordingDisagreesWithVerdict = Disagrees(recordings) },
            fs is null ? null : WithSynced(Views.FieldService(fs), recordings));
    }

    /// <summary>The field-service record links the recording only where it has it: when it was synced from the contact center.</summary>
    private static FieldServiceEntryView WithSynced(FieldServiceEntryView entry, IReadOnlyList<RecordingLink> recordings) =>
        (entry.Recording.Source == "contact-center" ? entry with { Recordings = recordings } : entry) with { RecordingDisagreesWithVerdict = Disagrees(recordings) };

    private static bool Disagrees(IReadOnlyList<RecordingLink> recordings) => recordings.Any(r => r.AgreesWithVerdict == false);

    /// <summary>One query for a page's recordings; the result answers each call's links.</summary>
    private async Task<Func<string, IReadOnlyList<RecordingLink>>> RecordingsAsync(IEnumerable<string> callIds, CancellationToken cancellationToken)
    {
        var ids = await new RecordingStore(db).IdsByCallAsync([.. callIds], cancellationToken);
        return callId => ids.TryGetValue(callId, out var found) ? [.. found.Select(r => RecordingLink.To(r.Id, r.Agrees))] : [];
    }

    private async Task<(IReadOnlyList<LogRow> Rows, string? Next)> PageAsync(
        string table, CallFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var query = new NewestFirst(db.Dialect, table, "call_id")
            .Equal("tenant_id", filter.Tenant)
            .Equal("campaign", filter.Campaign)
            .Equal("employee_id", filter.Employee)
            .Equal("queue_id", filter.Queue)
            .Equal("direction", filter.Direction)
            .Equal("recorded", filter.Recorded)
            .Equal("classification", filter.Classification)
            .Equal("from_number", filter.Caller)
            .Equal("to_number", filter.Called)
            .Where("started_at >= @since", "since", filter.Since)
            .Where("started_at < @until", "until", filter.Until)
            .WithinTenants(filter.AllowedTenants)
            .After(cursor);
        var sql = query.Sql(limit);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<LogRow>(sql, query.Parameters)).ToList();
        var (page, next) = NewestFirst.Split(rows, limit, r => (r.StartedAt, r.CallId));
        return (page, next);
    }
}

/// <summary>An opaque page cursor: the last entry's start time and call id.</summary>
public static class Cursor
{
    public static string Write(long startedAt, string callId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{startedAt}:{callId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string cursor, out long startedAt, out string callId)
    {
        startedAt = 0;
        callId = string.Empty;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), out startedAt))
            {
                return false;
            }

            callId = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
