using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Calltrail.Live;
using Calltrail.Server.Calls;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Calltrail.TestKit.Waiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

/// <summary>Two servers on one PostgreSQL database: each hears the other's plans, and a call's events may go to either.</summary>
public sealed class TwoServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_plan_committed_through_one_server_is_heard_by_the_other()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        using var first = OnPostgres(database);
        using var second = OnPostgres(database);
        var heard = Channel.CreateUnbounded<(string CallId, long Version)>();
        using var watching = second.Services.GetRequiredService<CallNotifications>()
            .WatchRemote((callId, version) => heard.Writer.TryWrite((callId, version)), () => { });
        await ListeningAsync(first);
        await ListeningAsync(second);
        await first.AddTenantAsync("north");
        var callId = $"heard-{Guid.NewGuid():N}";

        using var response = await SendAsync(first.Admin(), Started(callId));

        response.EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(Patience);
        while (await heard.Reader.ReadAsync(timeout.Token) != (callId, 1))
        {
            // Other tests' calls share the channel.
        }
    }

    [Fact]
    public async Task A_conflicting_event_sent_to_both_servers_at_once_is_accepted_by_one_and_refused_by_the_other()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        using var first = OnPostgres(database);
        using var second = OnPostgres(database);
        var clients = new[] { first.Admin(), second.Admin() };
        await first.AddTenantAsync("north");
        for (var i = 0; i < 20; i++)
        {
            var callId = $"race-{i}";
            (await SendAsync(clients[i % 2], Started(callId))).EnsureSuccessStatusCode();
            var ana = new LiveEvent(callId, 2, LiveEventType.Answered, ConnectAt) { Employee = "ana" };

            var answers = await Task.WhenAll(
                Task.Run(() => SendAsync(clients[0], ana)),
                Task.Run(() => SendAsync(clients[1], ana with { Employee = "bob" })));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? "ana" : "bob";
            foreach (var client in clients)
            {
                var call = JsonNode.Parse(await client.GetStringAsync($"/api/calls/{callId}"))!;
                Assert.Contains(winner, call.ToJsonString());
                Assert.DoesNotContain(winner == "ana" ? "bob" : "ana", call.ToJsonString());
            }
        }
    }

    private static TestServer OnPostgres(TestDatabase database) => new(b =>
    {
        b.UseSetting("Database:Provider", database.ProviderSetting);
        b.UseSetting("Database:ConnectionString", database.ConnectionString);
    });

    /// <summary>Until /health says the server hears plan changes: only then is a commit sure to reach it.</summary>
    private static Task ListeningAsync(TestServer server)
    {
        var client = server.Anonymous();
        return Eventually.TrueAsync(
            async () => JsonNode.Parse(await client.GetStringAsync("/health"))!["planListener"]?["connected"]?.GetValue<bool>() == true,
            "the server hears plan changes");
    }
}
