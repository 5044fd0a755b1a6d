using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Server.Access;
using Calltrail.Storage.Organization;
using Microsoft.AspNetCore.Mvc;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/tracking-numbers</c>: each number, written in any common form in the path and kept in
/// E.164, belongs to a tenant and a campaign. A token limited to tenants sees and changes only the
/// numbers of its tenants.
/// </summary>
internal static class TrackingNumberEndpoints
{
    public static void MapTrackingNumbers(this IEndpointRouteBuilder app)
    {
        var numbers = app.MapGroup("/api/tracking-numbers").WithTags("Tracking numbers");
        numbers.MapGet("", List).Produces<TrackingNumberView[]>().ProducesValidationProblem().RequirePermission(Permission.ViewCalls);
        numbers.MapGet("/{number}", Get).Produces<TrackingNumberView>().ProducesValidationProblem().ProducesProblem(404)
            .RequirePermission(Permission.ViewCalls);
        numbers.MapPut("/{number}", Put).Accepts<TrackingNumberBody>("application/json")
            .Produces<TrackingNumberView>().Produces<TrackingNumberView>(201).ProducesValidationProblem().ProducesProblem(409)
            .RequirePermission(Permission.ManagePhoneSettings);
        numbers.MapDelete("/{number}", Delete).Produces(204).ProducesValidationProblem().ProducesProblem(404)
            .RequirePermission(Permission.ManagePhoneSettings);
    }

    private static async Task<IResult> List(string? tenant, HttpContext context, OrganizationStore store, CancellationToken cancellationToken)
    {
        if (tenant is not null && OrganizationNames.Problem(tenant) is { } problem)
        {
            return Answers.Invalid("tenant", problem);
        }

        var found = await store.ListTrackingNumbersAsync(tenant, TenantScope.Of(context.User).Tenants, cancellationToken);
        return Answers.Ok(found.Select(TrackingNumberView.Of));
    }

    private static async Task<IResult> Get(
        string number, HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, CancellationToken cancellationToken)
    {
        if (!phones.TryParse(number, out var parsed, out var problem))
        {
            return Answers.Invalid("number", problem);
        }

        return await store.GetTrackingNumberAsync(parsed, TenantScope.Of(context.User).Tenants, cancellationToken) is { } found
            ? Answers.Ok(TrackingNumberView.Of(found))
            : Answers.NotFound($"{parsed} is not a tracking number.");
    }

    private static async Task<IResult> Put(
        string number, HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        if (!phones.TryParse(number, out var parsed, out var problem))
        {
            body.Add("number", problem);
        }

        var fields = body.Object("tenant", "campaign");
        fields?.Required("tenant", "the tenant whose calls this number brings");
        fields?.Required("campaign", "the campaign the number was bought for");
        var tenant = fields?.ShortText("tenant");
        var campaign = fields?.Object("campaign", "name", "category", "source", "medium") is { } c ? ReadCampaign(c) : null;
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        var written = await store.SaveTrackingNumberAsync(
            new TrackingNumber(parsed, tenant!, campaign!), caller.Actor, caller.At, caller.Scope.Tenants, cancellationToken);
        return Answers.Written(written, TrackingNumberView.Of, $"/api/tracking-numbers/{Answers.Segment(parsed.E164)}");
    }

    private static async Task<IResult> Delete(
        string number, HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!phones.TryParse(number, out var parsed, out var problem))
        {
            return Answers.Invalid("number", problem);
        }

        var caller = Caller.Of(context, clock);
        return Answers.Deleted(await store.DeleteTrackingNumberAsync(parsed, caller.Actor, caller.At, caller.Scope.Tenants, cancellationToken));
    }

    private static Campaign? ReadCampaign(JsonFields campaign)
    {
        campaign.Required("name", "the campaign's name");
        var name = campaign.ShortText("name");
        var category = campaign.ShortText("category");
        var source = campaign.ShortText("source");
        var medium = campaign.ShortText("medium");
        return name is null ? null : new Campaign(name, category, source, medium);
    }
}
