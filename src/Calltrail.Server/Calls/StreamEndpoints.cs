using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Calltrail.Server.Access;

namespace Calltrail.Server.Calls;

/// <summary>Live streams (server-sent events): the recorder's instructions and employees' desktop prompts.</summary>
public static class StreamEndpoints
{
    public static IEndpointRouteBuilder MapCallStreams(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recorder/instructions", Recorder)
            .WithName("RecorderInstructions")
            .WithSummary("Server-sent events: start, pause, resume and stop, per call, as the service decides them.")
            .RequirePermission(Permission.ReportCallEvents);
        app.MapGet("/api/desktop/events", Desktop)
            .WithName("DesktopEvents")
            .WithSummary("Server-sent events for one employee's desktop (?employee=ID): announce the recording, recording paused or resumed, payment not protected.")
            .RequirePermission(Permission.ViewCalls);
        return app;
    }

    private static IResult Recorder(HttpContext context, CallNotifications notifications)
    {
        var scope = TenantScope.Of(context.User);
        var subscription = notifications.SubscribeRecorder();
        return TypedResults.ServerSentEvents(Read(subscription, i => scope.Allows(i.Tenant), _ => "recorder-instruction", context.RequestAborted));
    }

    private static IResult Desktop(string? employee, HttpContext context, CallNotifications notifications)
    {
        if (string.IsNullOrEmpty(employee))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["employee"] = ["is required: the employee whose desktop listens"] });
        }

        var scope = TenantScope.Of(context.User);
        var subscription = notifications.SubscribeDesktop();
        return TypedResults.ServerSentEvents(Read(subscription, m => m.Employee == employee && scope.Allows(m.Tenant), m => m.Type, context.RequestAborted));
    }

    /// <summary>
    /// A "ready" event first — it sends the response headers at once, so a listener knows it is
    /// subscribed before anything happens — then every message the listener wants, as it comes.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> Read<T>(
        Subscription<T> subscription, Func<T, bool> wanted, Func<T, string> eventType, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : notnull
    {
        using (subscription)
        {
            yield return new SseItem<object>(new { subscribed = true }, "ready");
            await foreach (var message in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                if (wanted(message))
                {
                    yield return new SseItem<object>(message, eventType(message));
                }
            }
        }
    }
}
