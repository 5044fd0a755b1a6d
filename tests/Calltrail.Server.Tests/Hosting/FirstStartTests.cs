using System.Collections.Concurrent;
using Calltrail.Live;
using Calltrail.Server.Tests.Calls;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Calltrail.Server.Tests.Hosting;

public sealed class FirstStartTests
{
    [Fact]
    public async Task Before_the_first_call_the_log_says_how_to_get_going()
    {
        var logs = new CapturedLogs();
        using var server = new TestServer(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        using var health = await server.Anonymous().GetAsync("/health");

        var guide = Assert.Single(logs.Messages, m => m.StartsWith("No calls yet", StringComparison.Ordinal));
        Assert.Contains("replay", guide);
        Assert.Contains("--seed-demo", guide);
    }

    [Fact]
    public async Task The_demo_organization_is_seeded_on_request_and_audited_as_the_seed()
    {
        using var server = new TestServer(b => b.UseSetting("Calltrail:SeedDemo", "true"));
        var admin = server.Admin();

        var tenants = await CallEvents.GetJsonAsync(admin, "/api/tenants");
        var number = await CallEvents.GetJsonAsync(admin, "/api/tracking-numbers/+15550142000");
        var cc = await CallEvents.GetJsonAsync(admin, "/api/settings/contact-center");
        var audit = await CallEvents.GetJsonAsync(admin, "/api/settings/audit?limit=1");

        Assert.Contains("north", tenants.ToJsonString());
        Assert.Contains("south", tenants.ToJsonString());
        Assert.Contains("Spring mailer", number.ToJsonString());
        Assert.Contains("\"custom\"", cc.ToJsonString());
        Assert.Contains(DemoActor, audit.ToJsonString());
    }

    [Fact]
    public async Task A_call_to_a_demo_tracking_number_lands_in_both_logs_with_its_campaign()
    {
        using var server = new TestServer(b => b.UseSetting("Calltrail:SeedDemo", "true"));
        var admin = server.Admin();

        await server.SendAsyncAsAdmin(
            CallEvents.Started("demo-1", tenant: null, queue: "sales"),
            CallEvents.Answered("demo-1"),
            CallEvents.At("demo-1", 3, LiveEventType.Ended, 65_000));

        var fs = await CallEvents.GetJsonAsync(admin, "/api/calls/field-service?campaign=Spring%20mailer");
        var cc = await CallEvents.GetJsonAsync(admin, "/api/calls/contact-center?tenant=north");
        Assert.Equal("demo-1", fs["calls"]![0]!["callId"]!.GetValue<string>());
        Assert.Equal("unbooked", fs["calls"]![0]!["classification"]!.GetValue<string>());
        Assert.Equal("demo-1", cc["calls"]![0]!["callId"]!.GetValue<string>());
    }

    private const string DemoActor = "demo-seed";

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IEnumerable<string> Messages => Queue;

        public ILogger CreateLogger(string categoryName) => new Logger(Queue);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> queue) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                queue.Enqueue(formatter(state, exception));
        }
    }
}
