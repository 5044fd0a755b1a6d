using System.Security.Claims;

namespace Calltrail.Server.Access;

/// <summary><c>GET /api/me</c>: lets a script or a person check what the token in hand may do before using it.</summary>
internal static class MeEndpoint
{
    public static RouteHandlerBuilder MapMe(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Me)
            .WithTags("Access")
            .WithSummary("The caller: name, role, permissions, the tenants its token is limited to (null: every tenant) and its employee, if any.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireAuthorization();

    private static MeView Me(ClaimsPrincipal caller) => new(
        caller.Identity!.Name!,
        caller.FindFirstValue(ClaimTypes.Role)!,
        [.. Enum.GetValues<Permission>().Where(p => caller.HasClaim(AccessSetup.PermissionClaim, p.ToString())).Select(PermissionNames.All.NameOf)],
        TenantScope.Of(caller).Tenants?.Order(StringComparer.Ordinal).ToArray(),
        AccessPrincipal.EmployeeOf(caller));
}
