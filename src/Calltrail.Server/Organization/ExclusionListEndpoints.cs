using Calltrail.Scenarios.Phones;
using Calltrail.Server.Access;
using Calltrail.Storage.Organization;
using Microsoft.AspNetCore.Mvc;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/exclusion-list</c>: external numbers whose calls the contact center does not record, each
/// with who added it and when. Numbers are kept in E.164, so <c>(555) 010-9999</c> and
/// <c>+15550109999</c> are the same entry.
/// </summary>
internal static class ExclusionListEndpoints
{
    public static void MapExclusionList(this IEndpointRouteBuilder app)
    {
        var list = app.MapGroup("/api/exclusion-list").WithTags("Exclusion list").ForWholeOrganization();
        list.MapGet("", List).Produces<ExclusionView[]>().RequirePermission(Permission.ViewCalls);
        list.MapPost("", Add).Accepts<ExclusionBody>("application/json").Produces<ExclusionView>(201)
            .ProducesValidationProblem().ProducesProblem(409).RequirePermission(Permission.EditCallRecordingSettings);
        list.MapDelete("/{number}", Remove).Produces(204).ProducesValidationProblem().ProducesProblem(404)
            .RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> List(OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.Ok((await store.ListExclusionsAsync(cancellationToken)).Select(ExclusionView.Of));

    private static async Task<IResult> Add(
        HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        var fields = body.Object("number");
        fields?.Required("number", "the external number whose calls are not to be recorded");
        var number = fields?.Phone("number", phones);
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        var written = await store.AddExclusionAsync(number!.Value, caller.Actor, caller.At, cancellationToken);
        return Answers.Written(written, ExclusionView.Of, $"/api/exclusion-list/{Answers.Segment(number.Value.E164)}");
    }

    private static async Task<IResult> Remove(
        string number, HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!phones.TryParse(number, out var parsed, out var problem))
        {
            return Answers.Invalid("number", problem);
        }

        var caller = Caller.Of(context, clock);
        return Answers.Deleted(await store.RemoveExclusionAsync(parsed, caller.Actor, caller.At, cancellationToken));
    }
}

/// <summary>A number on the exclusion list, who added it and when.</summary>
public sealed record ExclusionView(string Number, string AddedBy, string AddedAt)
{
    internal static ExclusionView Of(ExclusionEntry entry) => new(entry.Number.E164, entry.AddedBy, Answers.Time(entry.AddedAt));
}

/// <summary>The body of <c>POST /api/exclusion-list</c>.</summary>
public sealed record ExclusionBody(string Number);
