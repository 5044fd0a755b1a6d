using Calltrail.Server.Access;
using Calltrail.Storage.Organization;
using Microsoft.AspNetCore.Authorization;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/tenants</c>: the field-service accounts. A token limited to tenants sees only its own;
/// any other answers 404, as if absent.
/// </summary>
internal static class TenantEndpoints
{
    public static void MapTenants(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/tenants").WithTags("Tenants");
        tenants.MapGet("", List).Produces<TenantView[]>().RequirePermission(Permission.ViewCalls);
        tenants.MapGet("/{id}", Get).Produces<TenantView>().ProducesProblem(404).RequirePermission(Permission.ViewCalls);
        tenants.MapPut("/{id}", Put)
            .WithSummary("Creates or replaces a tenant. A fieldService object also needs the permission to edit call recording settings.")
            .Accepts<TenantBody>("application/json").Produces<TenantView>().Produces<TenantView>(201)
            .ProducesValidationProblem().ProducesProblem(404).RequirePermission(Permission.ManagePhoneSettings);
        tenants.MapDelete("/{id}", Delete).Produces(204).ProducesProblem(404).ProducesProblem(409).RequirePermission(Permission.ManagePhoneSettings);
        tenants.MapPut("/{id}/field-service", PutFieldService)
            .Accepts<FieldServiceView>("application/json").Produces<TenantView>()
            .ProducesValidationProblem().ProducesProblem(404).RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> List(HttpContext context, OrganizationStore store, CancellationToken cancellationToken)
    {
        var scope = TenantScope.Of(context.User);
        return Answers.Ok((await store.ListTenantsAsync(cancellationToken)).Where(t => scope.Allows(t.Id)).Select(TenantView.Of));
    }

    private static async Task<IResult> Get(string id, HttpContext context, OrganizationStore store, CancellationToken cancellationToken) =>
        Check(id, TenantScope.Of(context.User)) ?? (await store.GetTenantAsync(id, cancellationToken) is { } tenant
            ? Answers.Ok(TenantView.Of(tenant))
            : Absent(id));

    private static async Task<IResult> Put(
        string id, HttpContext context, OrganizationStore store, TimeProvider clock, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        if (Check(id, caller.Scope, "; a token limited to tenants can change only its own and cannot create others") is { } refused)
        {
            return refused;
        }

        var body = RequestBody.Read(context.Request);
        var fields = body.Object("name", "fieldService");
        fields?.Required("name", "the tenant's name, as people know it");
        var name = fields?.ShortText("name");
        var fieldService = fields?.Object("fieldService", FieldServiceView.Fields) is { } fs ? FieldServiceView.Read(fs) : null;
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        if (fieldService is not null
            && !(await authorization.AuthorizeAsync(context.User, Roles.PolicyName(Permission.EditCallRecordingSettings))).Succeeded)
        {
            return Answers.Forbidden("Not permitted",
                "Changing a tenant's field-service recording settings needs the permission to edit call recording settings; " +
                "leave fieldService out to change only the name.");
        }

        var written = await store.SaveTenantAsync(id, name!, fieldService, caller.Actor, caller.At, cancellationToken);
        return Answers.Written(written, TenantView.Of, $"/api/tenants/{Answers.Segment(id)}");
    }

    private static async Task<IResult> PutFieldService(
        string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        if (Check(id, caller.Scope) is { } refused)
        {
            return refused;
        }

        var body = RequestBody.Read(context.Request);
        var fieldService = body.Object(FieldServiceView.Fields) is { } fields ? FieldServiceView.Read(fields) : null;
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        return Answers.Written(await store.SetFieldServiceAsync(id, fieldService!, caller.Actor, caller.At, cancellationToken), TenantView.Of);
    }

    private static async Task<IResult> Delete(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        return Check(id, caller.Scope) ?? Answers.Deleted(await store.DeleteTenantAsync(id, caller.Actor, caller.At, cancellationToken));
    }

    /// <summary>A bad id is 400; a tenant outside the token's tenants is 404, exactly as one that does not exist.</summary>
    private static IResult? Check(string id, TenantScope scope, string why = "") =>
        Answers.BadId(id) ?? (scope.Allows(id) ? null : Absent(id, why));

    private static IResult Absent(string id, string why = "") => Answers.NotFound($"There is no tenant '{id}'{why}.");
}
