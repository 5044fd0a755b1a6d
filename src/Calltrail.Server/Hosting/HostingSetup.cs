using Calltrail.Scenarios.Phones;
using Microsoft.AspNetCore.DataProtection;
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
        // Keys for anything ASP.NET protects live with the rest of Calltrail's data, not in the user's home.
        var keys = Path.Combine(configuration.GetSection(CalltrailOptions.Section).Get<CalltrailOptions>()?.DataDirectoryPath
            ?? new CalltrailOptions().DataDirectoryPath, "keys");
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHostedService<DataDirectory>();
        return services;
    }
}
