using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Calls;

public static class CallsSetup
{
    public static IServiceCollection AddCalltrailCalls(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LiveEventReader(sp.GetRequiredService<PhoneNumberParser>()));
        services.AddSingleton<CallStore>();
        services.AddSingleton<IEventBatchStore>(sp => sp.GetRequiredService<CallStore>());
        services.AddSingleton<CallQueries>();
        services.AddSingleton<CallNotifications>();
        services.AddSingleton<StreamCredentials>();
        services.AddKeyedSingleton(StreamCredentials.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<EventIngestion>();
        services.AddHostedService(sp => sp.GetRequiredService<EventIngestion>());
        // Runs only on PostgreSQL; decided from the database opened, which settings a test host adds late still reach.
        services.AddSingleton<RemotePlanChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<RemotePlanChanges>());
        return services;
    }

    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapCallEvents();
        app.MapCallLogs();
        app.MapCallStreams();
        return app;
    }
}
