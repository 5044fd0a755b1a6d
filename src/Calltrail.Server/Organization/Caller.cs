using Calltrail.Server.Access;

namespace Calltrail.Server.Organization;

/// <summary>Who is making a change, when, and which tenants they may touch.</summary>
internal readonly record struct Caller(string Actor, long At, TenantScope Scope)
{
    public static Caller Of(HttpContext context, TimeProvider clock) => new(
        context.User.Identity?.Name is { Length: > 0 } name ? name : "unknown",
        clock.GetUtcNow().ToUnixTimeMilliseconds(),
        TenantScope.Of(context.User));
}
