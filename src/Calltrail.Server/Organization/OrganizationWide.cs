using Calltrail.Server.Access;

namespace Calltrail.Server.Organization;

/// <summary>
/// Contact-center settings, queues, employees, the exclusion list and the audit belong to the whole
/// organization, not to any tenant: a token limited to tenants may neither read nor change them.
/// </summary>
internal static class OrganizationWide
{
    public static TBuilder ForWholeOrganization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            TenantScope.Of(context.HttpContext.User).IsLimited ? Forbidden() : await next(context));

    private static IResult Forbidden() => Answers.Forbidden(
        "Not permitted for a tenant-limited token",
        "This token is limited to some tenants, and a tenant-limited token cannot use organization-wide settings " +
            "(contact-center settings, queues, employees, the exclusion list, the settings audit, the whole settings). " +
            "Use a token that is not limited to tenants.");
}
