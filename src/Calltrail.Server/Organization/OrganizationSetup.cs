using Calltrail.Storage.Organization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Calltrail.Server.Organization;

/// <summary>The organization: tenants, tracking numbers, queues, employees, both systems' settings and their audit.</summary>
public static class OrganizationSetup
{
    public static IServiceCollection AddCalltrailOrganization(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrganizationStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        app.MapTenants();
        app.MapTrackingNumbers();
        app.MapQueues();
        app.MapEmployees();
        app.MapContactCenterSettings();
        app.MapExclusionList();
        app.MapSettingsAudit();
        app.MapOrganizationSettings();
        return app;
    }
}
