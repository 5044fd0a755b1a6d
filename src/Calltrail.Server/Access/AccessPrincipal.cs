using System.Security.Claims;

namespace Calltrail.Server.Access;

/// <summary>Who is calling, as the rest of the server reads it: name (the audit actor), role, permissions, tenant limit.</summary>
internal static class AccessPrincipal
{
    public static ClaimsPrincipal For(string name, string role, IEnumerable<string>? tenants, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        claims.AddRange(Roles.PermissionsOf(role).Select(p => new Claim(AccessSetup.PermissionClaim, p.ToString())));
        claims.AddRange((tenants ?? []).Select(t => new Claim(TenantScope.TenantClaim, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }
}
