using Calltrail.Scenarios.Phones;
using Calltrail.Server.Access;
using Calltrail.Storage.Calls;
using Microsoft.AspNetCore.Mvc;

namespace Calltrail.Server.Calls;

/// <summary>The two call logs, and each call with its decision and recording plan.</summary>
public static class LogEndpoints
{
    private const string Filters =
        "Filters (all optional): tenant, campaign, employee, queue, direction, since, until (ISO 8601; UTC unless an offset is given), " +
        "recorded (true|false), classification, caller, called (phone numbers), limit (1-500, default 50), cursor (the previous page's 'next').";

    public static IEndpointRouteBuilder MapCallLogs(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/calls").RequirePermission(Permission.ViewCalls);
        calls.MapGet("/contact-center", ContactCenter)
            .WithName("ContactCenterCallLog")
            .WithSummary("The contact center's call log, newest first.")
            .WithDescription(Filters)
            .Produces<LogPage<ContactCenterEntryView>>()
            .ProducesValidationProblem();
        calls.MapGet("/field-service", FieldService)
            .WithName("FieldServiceCallRecords")
            .WithSummary("The field service's call records, newest first: tenant, campaign, classification, recording.")
            .WithDescription(Filters)
            .Produces<LogPage<FieldServiceEntryView>>()
            .ProducesValidationProblem();
        calls.MapGet("/{callId}", Call)
            .WithName("Call")
            .WithSummary("One call: its decision and reasons, its recording plan, and both systems' records of it.")
            .Produces<CallView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{callId}/verdict", Verdict)
            .WithName("CallVerdict")
            .WithSummary("The call's verdict in the scenario format, read back from the stored logs and recording plan.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ContactCenter(HttpContext context, CallQueries queries, [FromServices] PhoneNumberParser phones, CancellationToken cancellationToken)
    {
        var (filter, limit, cursor, problems) = CallFilterReader.Read(context.Request.Query, phones, TenantScope.Of(context.User).Tenants);
        return problems.Count > 0
            ? Results.ValidationProblem(problems, title: "The query was refused.")
            : Results.Ok(await queries.ContactCenterAsync(filter, limit, cursor, cancellationToken));
    }

    private static async Task<IResult> FieldService(HttpContext context, CallQueries queries, [FromServices] PhoneNumberParser phones, CancellationToken cancellationToken)
    {
        var (filter, limit, cursor, problems) = CallFilterReader.Read(context.Request.Query, phones, TenantScope.Of(context.User).Tenants);
        return problems.Count > 0
            ? Results.ValidationProblem(problems, title: "The query was refused.")
            : Results.Ok(await queries.FieldServiceAsync(filter, limit, cursor, cancellationToken));
    }

    private static async Task<IResult> Call(string callId, HttpContext context, CallQueries queries, CancellationToken cancellationToken) =>
        await queries.CallAsync(callId, TenantScope.Of(context.User).Tenants, cancellationToken) is { } call
            ? Results.Ok(call)
            : NotFound(callId);

    private static async Task<IResult> Verdict(string callId, HttpContext context, CallQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.CallAsync(callId, TenantScope.Of(context.User).Tenants, cancellationToken) is not { } call)
        {
            return NotFound(callId);
        }

        return ReadBack.VerdictJson(call) is { } verdict
            ? Results.Text(verdict, "application/json")
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call has no verdict yet",
                detail: call.Status == "invalid"
                    ? $"Its events describe a call the rules cannot judge: {call.Problems}"
                    : "Its started event has not arrived.");
    }

    private static IResult NotFound(string callId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such call", detail: $"No call '{callId}' that this token may see.");
}
