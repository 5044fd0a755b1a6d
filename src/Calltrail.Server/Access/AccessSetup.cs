using Calltrail.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Calltrail.Server.Access;

public static class AccessSetup
{
    public const string PermissionClaim = "calltrail:permission";

    public static IServiceCollection AddCalltrailAccess(this IServiceCollection services)
    {
        services.AddOptions<AdminTokenOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Token = configuration[AdminTokenOptions.EnvironmentVariable]);
        services.AddSingleton<TokenStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddPermissionPolicies();
        return services;
    }

    private static void AddPermissionPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            builder.AddPolicy(Roles.PolicyName(permission), policy => policy.RequireClaim(PermissionClaim, permission.ToString()));
        }
    }

    /// <summary>Requires a token whose role holds <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder endpoint, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(Roles.PolicyName(permission));
}
