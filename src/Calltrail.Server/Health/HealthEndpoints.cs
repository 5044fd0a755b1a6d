namespace Calltrail.Server.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: anonymous, for load balancers and start-up scripts.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthReport("ok")))
            .WithName("Health")
            .WithSummary("Whether the service is up.")
            .AllowAnonymous();
        return app;
    }

    public sealed record HealthReport(string Status);
}
