using System.Globalization;
using Calltrail.Recorder.Files;
using Calltrail.Server.Access;
using Calltrail.Storage.Calls;
using Calltrail.Storage.Recordings;

namespace Calltrail.Server.Recording;

/// <summary>
/// Recordings: the list, each one's metadata, and its audio. Listing and metadata need view-calls;
/// the audio needs listen-to-recordings, and every request for it is written to the access log first.
/// </summary>
public static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        var recordings = app.MapGroup("/api/recordings");
        recordings.MapGet("/", List).RequirePermission(Permission.ViewCalls)
            .WithName("Recordings")
            .WithSummary("Recordings, newest first.")
            .WithDescription("Filters (all optional): call, tenant, status (recording|complete|incomplete), limit (1-500, default 50), cursor.")
            .Produces<RecordingPage>()
            .ProducesValidationProblem();
        recordings.MapGet("/{id}", Get).RequirePermission(Permission.ViewCalls)
            .WithName("Recording")
            .WithSummary("A recording's metadata: its call, channels, duration, paused spans, checksum, complete or not.")
            .Produces<RecordingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        recordings.MapGet("/{id}/audio", Audio).RequirePermission(Permission.ListenToRecordings)
            .WithName("RecordingAudio")
            .WithSummary("The recording as a WAV file (ranges supported). Every request is audited; download=true asks for an attachment.")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        recordings.MapGet("/{id}/access", Access).RequirePermission(Permission.ManageAccess)
            .WithName("RecordingAccess")
            .WithSummary("Who listened to or downloaded the recording, and when.")
            .Produces<IReadOnlyList<RecordingAccess>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, RecordingStore store, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = Text("status");
        if (status is not null && status is not (RecordingStatus.Recording or RecordingStatus.Complete or RecordingStatus.Incomplete))
        {
            problems["status"] = ["must be one of recording, complete, incomplete"];
        }

        var limit = 50;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > RecordingStore.MaxPageSize))
        {
            problems["limit"] = [$"must be a whole number from 1 to {RecordingStore.MaxPageSize}"];
        }

        var cursor = Text("cursor");
        if (cursor is not null && !Cursor.TryRead(cursor, out _, out _))
        {
            problems["cursor"] = ["is not a cursor this server gave out; use the 'next' value of the previous page"];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "The query was refused.");
        }

        var filter = new RecordingFilter { CallId = Text("call"), Tenant = Text("tenant"), Status = status, AllowedTenants = TenantScope.Of(context.User).Tenants };
        var (page, next) = await store.ListAsync(filter, limit, cursor, cancellationToken);
        return Results.Ok(new RecordingPage([.. page.Select(RecordingView.Of)], next));
    }

    private static async Task<IResult> Get(string id, HttpContext context, RecordingStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, TenantScope.Of(context.User).Tenants, cancellationToken) is { } recording
            ? Results.Ok(RecordingView.Of(recording))
            : NotFound(id);

    private static async Task<IResult> Audio(
        string id, bool? download, HttpContext context, RecordingStore store, RecordingFiles files, AudioRelease release, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, TenantScope.Of(context.User).Tenants, cancellationToken) is not { } recording)
        {
            return NotFound(id);
        }

        if (await release.WithheldBecauseAsync(recording, cancellationToken) is { } withheld)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The recording's audio is withheld", detail: withheld);
        }

        if (files.OpenWav(recording.File) is not { } wav)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The recording's audio is missing",
                detail: $"Recording '{id}' is listed but its file '{recording.File}' cannot be read with the configured keys.");
        }

        var served = ServedRange.Of(context.Request.Headers.Range.ToString(), context.Request.Headers.IfRange.Count > 0, wav.Length);
        if (served is ServedRange.Unsatisfiable)
        {
            // Nothing is served, so nothing is logged: the length a 416 tells is in the metadata already.
            await wav.DisposeAsync();
            context.Response.Headers.ContentRange = $"bytes */{wav.Length}";
            return Results.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "The range is past the end of the recording",
                detail: $"The recording's audio is {wav.Length} bytes.");
        }

        // Audited before a byte is served: an access that cannot be recorded does not happen.
        var action = download == true ? "download" : "listen";
        var who = context.User.Identity?.Name is { Length: > 0 } name ? name : "unknown";
        var slice = (served as ServedRange.Slice)?.Header;
        await store.RecordAccessAsync(new RecordingAccess(id, clock.GetUtcNow().ToUnixTimeMilliseconds(), who, action, slice), cancellationToken);
        // The response's own range processing then serves exactly what was logged, and nothing else.
        context.Request.Headers.Remove("If-Range");
        context.Request.Headers.Range = slice;
        return Results.Stream(wav, "audio/wav", fileDownloadName: download == true ? $"{id}.wav" : null, enableRangeProcessing: true);
    }

    private static async Task<IResult> Access(string id, HttpContext context, RecordingStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, TenantScope.Of(context.User).Tenants, cancellationToken) is null
            ? NotFound(id)
            : Results.Ok(await store.AccessAsync(id, cancellationToken));

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such recording", detail: $"No recording '{id}' that this token may see.");
}
