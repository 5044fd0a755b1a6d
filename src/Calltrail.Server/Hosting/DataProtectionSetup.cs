using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Calltrail.Server.Hosting;

/// <summary>
/// Nothing in Calltrail protects data with ASP.NET's key ring today (no cookies, no antiforgery: every
/// request carries a bearer token), yet ASP.NET registers it and creates a key at every start, written
/// unencrypted to the user's home. So its keys are kept in memory only and none is made until something
/// asks: nothing reaches disk and nothing needs backing up. Whatever first uses data protection (a
/// cookie console) must persist the key ring encrypted instead — and drop this.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Call after everything else is registered: authentication registers data protection again.</summary>
    public static IServiceCollection KeepDataProtectionKeysInMemory(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.Replace(ServiceDescriptor.Singleton<IDataProtectionProvider>(
            sp => new EphemeralDataProtectionProvider(sp.GetRequiredService<ILoggerFactory>())));
        // The key ring's warm-up at start is what creates (and writes) a key nobody uses.
        var dataProtection = typeof(EphemeralDataProtectionProvider).Assembly;
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection).ToList())
        {
            services.Remove(warmUp);
        }

        return services;
    }
}
