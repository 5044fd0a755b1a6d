using Calltrail.Live;

namespace Calltrail.Storage.Calls;

/// <summary>
/// What a request may not do, judged against what is stored, in the batch's transaction. Every refusal
/// names only what the request itself sent: whether another tenant's call exists, and anything of it,
/// stays unsaid (issue 10, docs/access.md).
/// </summary>
internal static class Admission
{
    /// <summary>The one answer for any call outside a limited token's tenants, whether it exists or not.</summary>
    public const string NotYourCall =
        "is not a call this token may report on: a token limited to tenants reports only its tenants' calls, " +
        "and a call's first event it sends must be the call's started event, naming one of its tenants";

    /// <summary>Refuses a limited token's request that touches a call whose tenant is unknown or not one of the token's.</summary>
    public static SubmissionResult? OutsideTenants(
        EventSubmission submission,
        Dictionary<string, Dictionary<long, (LiveEvent Event, string Body)>> known,
        Dictionary<string, CallRow> rows,
        IReadOnlyDictionary<string, TrackingRow> tracking)
    {
        if (submission.AllowedTenants is not { } allowed)
        {
            return null;
        }

        var events = submission.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var callId = events[i].CallId;
            if (events.Take(i).Any(e => e.CallId == callId))
            {
                continue;
            }

            var start = known.GetValueOrDefault(callId)?.Values.Select(v => v.Event.Start).FirstOrDefault(s => s is not null)
                ?? events.FirstOrDefault(e => e.CallId == callId && e.Start is not null)?.Start;
            var tenant = rows.TryGetValue(callId, out var row) && row.Resolved ? row.TenantId
                : start is null ? null : TrackingRow.Resolve(start, tracking).TenantId;
            if (tenant is null || !allowed.Contains(tenant))
            {
                return new SubmissionResult(SubmissionOutcome.Forbidden, 0, 0, $"{submission.Prefix(i)}call '{callId}' {NotYourCall}");
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses a new started event naming a tenant that does not exist, or dialing a tracking number of a
    /// tenant other than the one it names (its campaign would be read back as this call's).
    /// </summary>
    public static SubmissionResult? BadStart(
        EventSubmission submission,
        Dictionary<string, Dictionary<long, (LiveEvent Event, string Body)>> known,
        IReadOnlyDictionary<string, TrackingRow> tracking,
        IReadOnlySet<string> tenants)
    {
        for (var i = 0; i < submission.Events.Count; i++)
        {
            var e = submission.Events[i];
            if (e.Start is not { Tenant: { } named } start || known.GetValueOrDefault(e.CallId)?.ContainsKey(e.Sequence) == true)
            {
                continue;
            }

            if (!tenants.Contains(named))
            {
                return Invalid(submission.Field(i, "tenant"), $"'{named}' is not a tenant");
            }

            if (start.DialedTrackingNumber is { } number
                && tracking.GetValueOrDefault(number.E164) is { TenantId: { } owner }
                && owner != named)
            {
                return Invalid(submission.Field(i, start.TrackingNumber is null ? "to" : "trackingNumber"),
                    $"{number.E164} is not a tracking number of tenant '{named}'");
            }
        }

        return null;
    }

    private static SubmissionResult Invalid(string field, string problem) =>
        new(SubmissionOutcome.Invalid, 0, 0, problem, field);
}
