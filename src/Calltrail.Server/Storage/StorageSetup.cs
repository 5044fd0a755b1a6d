using Calltrail.Server.Hosting;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddCalltrailStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.TryGetProvider(out _, out _), "Database:Provider must be sqlite or postgresql, and postgresql needs Database:ConnectionString.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value
            .Open(sp.GetRequiredService<IOptions<CalltrailOptions>>().Value.DataDirectoryPath));
        services.AddSingleton<SettingsVersions>();
        // In this order: the tables, then the demo organization if asked for, then the first-start guidance.
        services.AddHostedService<SchemaStartup>();
        services.AddHostedService<Hosting.DemoOrganization>();
        services.AddHostedService<Hosting.FirstStart>();
        return services;
    }
}

/// <summary>Creates the tables before the server takes its first request.</summary>
internal sealed partial class SchemaStartup(Db db, ILogger<SchemaStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Schema.EnsureCreatedAsync(db, cancellationToken);
        Ready(log, db.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Calltrail database ready ({Provider})")]
    private static partial void Ready(ILogger logger, DatabaseProvider provider);
}
