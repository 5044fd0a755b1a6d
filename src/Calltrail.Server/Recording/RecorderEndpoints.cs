using System.Globalization;
using Calltrail.Live;
using Calltrail.Recorder;
using Calltrail.Server.Access;

namespace Calltrail.Server.Recording;

/// <summary>
/// The recorder's live state, for operators: each open recording session, the plan it obeys and when
/// that plan was applied, what happens to arriving audio and since when. Administrators only (it names
/// calls of every tenant the token may see, and how they are being recorded).
/// </summary>
public static class RecorderEndpoints
{
    public static IEndpointRouteBuilder MapRecorder(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recorder/sessions", Sessions).RequirePermission(Permission.ManageAccess)
            .WithName("RecorderSessions")
            .WithSummary("This server's open recording sessions: call, recording, plan version and when it was applied, state and since when.")
            .WithDescription("Filter (optional): call. Times are this server's clock, ISO 8601 to the tenth of a microsecond.")
            .Produces<RecorderSessionsView>();
        return app;
    }

    private static IResult Sessions(string? call, HttpContext context, SiprecServer recorder)
    {
        var scope = TenantScope.Of(context.User);
        var sessions = recorder.Sessions.Sessions
            .Select(s => (Session: s, Status: s.Recording.Status))
            .Where(s => call is null || s.Status.CallId == call || (s.Status.CallId is null && s.Session.CallIds.Contains(call)))
            // A session not yet linked to a call has no tenant: only an unlimited token sees it.
            .Where(s => scope.Allows(s.Status.Tenant))
            .OrderBy(s => s.Session.SipCallId, StringComparer.Ordinal)
            .Select(s => new RecorderSessionView(
                s.Session.SipCallId,
                s.Status.CallId,
                s.Status.CallId is null ? s.Session.CallIds : [],
                s.Status.RecordingId,
                s.Status.Tenant,
                ServiceNames.AudioStates.NameOf(s.Status.State),
                Iso(s.Status.StateSince),
                s.Status.PlanVersion,
                s.Status.PlanAppliedAt is { } applied ? Iso(applied) : null,
                s.Status.Dropped,
                s.Session.RefusedPackets))
            .ToList();
        return Results.Ok(new RecorderSessionsView(sessions));
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>The open recording sessions of this server's recorder.</summary>
public sealed record RecorderSessionsView(IReadOnlyList<RecorderSessionView> Sessions);

/// <param name="SipCallId">The SIPREC dialog's Call-ID.</param>
/// <param name="CallId">The service's call it records; null while it waits for one.</param>
/// <param name="Candidates">While it waits: the call ids its metadata named.</param>
/// <param name="RecordingId">Null while nothing was kept.</param>
/// <param name="State">What happens to audio arriving now: recording, paused or not-recording.</param>
/// <param name="StateSince">When the recorder switched to that state.</param>
/// <param name="PlanVersion">The version of the call's plan in force; 0 before any.</param>
/// <param name="PlanAppliedAt">When that plan was applied; null before any.</param>
/// <param name="PacketsDropped">RTP packets not kept (not recording, paused, or outside the reorder window).</param>
/// <param name="PacketsRefused">RTP datagrams dropped for their sender before reaching the recording: not in Recorder:AllowedSources, or not the sender the stream latched to.</param>
public sealed record RecorderSessionView(
    string SipCallId,
    string? CallId,
    IReadOnlyList<string> Candidates,
    string? RecordingId,
    string? Tenant,
    string State,
    string StateSince,
    long PlanVersion,
    string? PlanAppliedAt,
    long PacketsDropped,
    long PacketsRefused);
