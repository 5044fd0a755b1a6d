using Calltrail.Scenarios.Reading;
using Calltrail.Server.Access;
using Calltrail.Server.Deciding;
using Calltrail.Server.Http;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Calls;

/// <summary><c>POST /api/calls/events</c>: the telephony reports what happens on live calls.</summary>
public static class EventEndpoints
{
    /// <summary>A body larger than this is refused (413): a request is a handful of events, not a bulk import.</summary>
    public const int MaxBodyBytes = JsonBodyLimit.Default;

    public static IEndpointRouteBuilder MapCallEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/calls/events", Report)
            .WithName("ReportCallEvents")
            .WithSummary("Report one call event, or an array of them (docs/service.md, \"Call events\"). 200 means stored durably.")
            .Accepts<object>("application/json")
            .WithBodyLimit(MaxBodyBytes)
            .Produces<EventsAccepted>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequirePermission(Permission.ReportCallEvents);
        return app;
    }

    private static async Task<IResult> Report(
        HttpContext context, LiveEventReader reader, EventIngestion ingestion, TimeProvider clock, CancellationToken cancellationToken)
    {
        var batch = reader.Read(JsonBody.Of(context), clock.GetUtcNow());
        if (!batch.IsValid)
        {
            return DecideEndpoints.Refused(batch.Problems, "The events were refused; none was stored.");
        }

        var scope = TenantScope.Of(context.User);
        SubmissionResult result;
        try
        {
            result = await ingestion.SubmitAsync(new EventSubmission(batch.Events, scope.Tenants, batch.IsArray), cancellationToken);
        }
        catch (IngestionUnavailableException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The events could not be stored", detail: e.Message);
        }

        // The texts name only what this request sent (CallStore's Admission): never a stored event, nor whether another tenant's call exists.
        return result.Outcome switch
        {
            SubmissionOutcome.Accepted => Results.Ok(new EventsAccepted(batch.Events.Count, result.Stored, result.Repeated)),
            SubmissionOutcome.Invalid => DecideEndpoints.Refused([new(result.Field!, result.Problem!)], "The events were refused; none was stored."),
            SubmissionOutcome.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "An event conflicts with one already stored; none of this request was stored", detail: result.Problem),
            _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Not one of this token's tenants' calls; none of this request was stored", detail: result.Problem),
        };
    }
}

/// <param name="Received">Events in the request.</param>
/// <param name="Stored">Events stored now.</param>
/// <param name="Repeated">Events that were already stored, identical (a retried delivery).</param>
public sealed record EventsAccepted(int Received, int Stored, int Repeated);
