using System.Security.Claims;

namespace Calltrail.Server.Access;

/// <summary>
/// Which tenants a caller may see: every tenant, or only those its token is limited to. A limited
/// caller sees nothing without a tenant either — a call with no tenant is not one of "its" calls.
/// </summary>
public sealed class TenantScope
{
    /// <summary>One claim per tenant a token is limited to; no such claim means every tenant.</summary>
    public const string TenantClaim = "calltrail:tenant";

    private readonly HashSet<string>? tenants;

    private TenantScope(HashSet<string>? tenants) => this.tenants = tenants;

    public static TenantScope Everything { get; } = new(null);

    public bool IsLimited => tenants is not null;

    /// <summary>The tenants allowed, or null for all.</summary>
    public IReadOnlyCollection<string>? Tenants => tenants;

    public static TenantScope Only(IEnumerable<string> tenants) => new(new HashSet<string>(tenants, StringComparer.Ordinal));

    public static TenantScope Of(ClaimsPrincipal user)
    {
        var limited = user.FindAll(TenantClaim).Select(c => c.Value).ToList();
        return limited.Count == 0 ? Everything : Only(limited);
    }

    public bool Allows(string? tenant) => tenants is null || (tenant is not null && tenants.Contains(tenant));
}
