using Calltrail.Scenarios.Phones;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

public static class HostingSetup
{
    public static IServiceCollection AddCalltrailHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalltrailOptions>()
            .Bind(configuration.GetSection(CalltrailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new PhoneNumberParser(sp.GetRequiredService<IOptions<CalltrailOptions>>().Value.PhoneRegion));
        services.AddSingleton(sp => new Calltrail.Scenarios.Reading.ScenarioReader(sp.GetRequiredService<PhoneNumberParser>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHostedService<DataDirectory>();
        return services;
    }
}
