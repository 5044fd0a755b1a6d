using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Calltrail.Server.Access;

namespace Calltrail.Server.Calls;

/// <summary>
/// Live streams (server-sent events): the recorder's instructions and employees' desktop prompts. Each
/// stream re-checks its token while open (<see cref="StreamCredentials"/>) and ends, with an
/// <c>ended</c> event saying why, once the token no longer allows it.
/// </summary>
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
            .WithSummary("Server-sent events for one employee's desktop (?employee=ID): announce the recording, recording paused or resumed, payment not protected. "
                + "A token watches its own employee's desktop; watch-desktops (supervisors and above) watches anyone's.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequirePermission(Permission.ViewCalls);
        return app;
    }

    private static IResult Recorder(HttpContext context, CallNotifications notifications, StreamCredentials credentials)
    {
        var scope = TenantScope.Of(context.User);
        CredentialWatch Watch() => credentials.Watch(context.User, user => AccessPrincipal.Holds(user, Permission.ReportCallEvents), context.RequestAborted);
        return TypedResults.ServerSentEvents(Read(notifications.SubscribeRecorder(), i => scope.Allows(i.Tenant), _ => "recorder-instruction", Watch));
    }

    private static IResult Desktop(string? employee, HttpContext context, CallNotifications notifications, StreamCredentials credentials)
    {
        if (string.IsNullOrEmpty(employee))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["employee"] = ["is required: the employee whose desktop listens"] });
        }

        if (!MayWatchDesktop(context.User, employee))
        {
            // The same answer whether or not there is such an employee: a token learns nothing of others.
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted",
                detail: "This token may watch only its own employee's desktop; watching others' needs the watch-desktops permission.");
        }

        var scope = TenantScope.Of(context.User);
        CredentialWatch Watch() => credentials.Watch(context.User, user => MayWatchDesktop(user, employee), context.RequestAborted);
        return TypedResults.ServerSentEvents(Read(notifications.SubscribeDesktop(), m => m.Employee == employee && scope.Allows(m.Tenant), m => m.Type, Watch));
    }

    /// <summary>An employee's own token, or one whose role watches every desktop (supervisors and above).</summary>
    private static bool MayWatchDesktop(ClaimsPrincipal user, string employee) =>
        AccessPrincipal.Holds(user, Permission.ViewCalls)
        && (AccessPrincipal.Holds(user, Permission.WatchDesktops) || AccessPrincipal.EmployeeOf(user) == employee);

    /// <summary>
    /// A "ready" event first — it sends the response headers at once, so a listener knows it is
    /// subscribed before anything happens — then every message the listener wants, as it comes, until
    /// the listener leaves or its credential lapses (then an "ended" event says why).
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> Read<T>(
        Subscription<T> subscription, Func<T, bool> wanted, Func<T, string> eventType, Func<CredentialWatch> startWatch)
        where T : notnull
    {
        await using (var watch = startWatch())
        using (subscription)
        {
            yield return new SseItem<object>(new { subscribed = true }, "ready");
            while (await WaitAsync(subscription.Reader, watch.Ended))
            {
                while (!watch.Ended.IsCancellationRequested && subscription.Reader.TryRead(out var message))
                {
                    if (wanted(message))
                    {
                        yield return new SseItem<object>(message, eventType(message));
                    }
                }
            }

            if (watch.Reason is { } reason)
            {
                yield return new SseItem<object>(new { reason }, "ended");
            }
        }
    }

    /// <summary>False once the stream must end (the listener left, or its credential lapsed).</summary>
    private static async Task<bool> WaitAsync<T>(ChannelReader<T> reader, CancellationToken ended)
    {
        try
        {
            return await reader.WaitToReadAsync(ended);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            return false;
        }
    }
}
