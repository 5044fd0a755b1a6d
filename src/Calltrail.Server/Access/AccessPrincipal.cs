using System.Security.Claims;
using Calltrail.Storage.Access;

namespace Calltrail.Server.Access;

/// <summary>
/// Who is calling, as the rest of the server reads it: name (the audit actor), role, permissions, tenant
/// limit and, for an API token, which token it is and whose (its employee), so a long-lived request can
/// look the token up again.
/// </summary>
internal static class AccessPrincipal
{
    public const string TokenIdClaim = "calltrail:token";
    public const string EmployeeClaim = "calltrail:employee";

    public static ClaimsPrincipal For(string name, string role, IEnumerable<string>? tenants, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        claims.AddRange(Roles.PermissionsOf(role).Select(p => new Claim(AccessSetup.PermissionClaim, p.ToString())));
        claims.AddRange((tenants ?? []).Select(t => new Claim(TenantScope.TenantClaim, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static ClaimsPrincipal For(ApiToken token, string authenticationType)
    {
        var principal = For(token.Name, token.Role, token.Tenants, authenticationType);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(TokenIdClaim, token.Id));
        if (token.Employee is { } employee)
        {
            identity.AddClaim(new Claim(EmployeeClaim, employee));
        }

        return principal;
    }

    /// <summary>The API token's id; null for the administrator token from the environment, which has none.</summary>
    public static string? TokenIdOf(ClaimsPrincipal user) => user.FindFirstValue(TokenIdClaim);

    public static string? EmployeeOf(ClaimsPrincipal user) => user.FindFirstValue(EmployeeClaim);

    public static bool Holds(ClaimsPrincipal user, Permission permission) => user.HasClaim(AccessSetup.PermissionClaim, permission.ToString());
}
