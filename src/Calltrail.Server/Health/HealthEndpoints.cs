using System.Text.Json.Serialization;
using Calltrail.Server.Calls;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: anonymous, for load balancers and start-up scripts.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // The service is up whether or not it hears other servers' plan changes (it takes events either way);
        // the listener's state is shown for whoever watches a multi-server deployment.
        app.MapGet("/health", (RemotePlanChanges remote) => TypedResults.Ok(new HealthReport("ok", remote.State)))
            .WithName("Health")
            .WithSummary("Whether the service is up.")
            .AllowAnonymous();
        return app;
    }

    /// <param name="PlanListener">PostgreSQL only: whether other servers' plan changes are heard.</param>
    public sealed record HealthReport(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlanListenerState? PlanListener);
}
