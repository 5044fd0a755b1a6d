using System.Net;
using Calltrail.Live;
using Calltrail.Server.Tests.Support;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

/// <summary>Who may report events and read the logs, and what a tenant-limited token can see.</summary>
public sealed class CallAccessTests
{
    [Theory]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    [InlineData("agent", HttpStatusCode.Forbidden)]
    [InlineData("telephony", HttpStatusCode.OK)]
    public async Task Only_the_telephony_reports_call_events(string role, HttpStatusCode expected)
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        var client = server.WithToken(await server.CreateTokenAsync(role));

        using var response = await SendAsync(client, Started("c1"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/calls/contact-center")]
    [InlineData("/api/calls/field-service")]
    [InlineData("/api/calls/c1")]
    [InlineData("/api/desktop/events?employee=ana")]
    public async Task The_telephony_token_does_not_read_calls(string path)
    {
        using var server = new TestServer();
        var telephony = server.WithToken(await server.CreateTokenAsync("telephony"));

        using var response = await telephony.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_limited_to_one_tenant_never_sees_another_tenants_calls()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        var admin = server.Admin();
        await SendAsync(admin, Started("north-1", "north"), Answered("north-1"), At("north-1", 3, LiveEventType.Ended, 70_000));
        await SendAsync(admin, Started("south-1", "south"), Answered("south-1"), At("south-1", 3, LiveEventType.Ended, 70_000));
        await SendAsync(admin, Started("none-1", tenant: null), Answered("none-1"), At("none-1", 3, LiveEventType.Ended, 70_000));
        var north = server.WithToken(await server.CreateTokenAsync("manager", "north"));

        foreach (var log in new[] { "contact-center", "field-service" })
        {
            var all = await GetJsonAsync(north, $"/api/calls/{log}");
            var asked = await GetJsonAsync(north, $"/api/calls/{log}?tenant=south");
            Assert.Equal(["north-1"], all["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
            Assert.Empty(asked["calls"]!.AsArray());
        }

        using var south = await north.GetAsync("/api/calls/south-1");
        using var southVerdict = await north.GetAsync("/api/calls/south-1/verdict");
        using var noTenant = await north.GetAsync("/api/calls/none-1");
        Assert.Equal(HttpStatusCode.NotFound, south.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, southVerdict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTenant.StatusCode);
    }

    [Fact]
    public async Task A_telephony_token_limited_to_one_tenant_cannot_report_another_tenants_calls()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        await server.SendAsyncAsAdmin(Started("south-1", "south"));
        var north = server.WithToken(await server.CreateTokenAsync("telephony", "north"));

        using var own = await SendAsync(north, Started("north-1", "north"));
        using var foreign = await SendAsync(north, At("south-1", 2, LiveEventType.Ended, 1_000));
        using var foreignStart = await SendAsync(north, Started("south-2", "south"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignStart.StatusCode);
        var call = await GetJsonAsync(server.Admin(), "/api/calls/south-1");
        Assert.Equal("live", call["status"]!.GetValue<string>());
    }
}

internal static class TestServerCalls
{
    public static async Task SendAsyncAsAdmin(this TestServer server, params LiveEvent[] events)
    {
        using var response = await SendAsync(server.Admin(), events);
        response.EnsureSuccessStatusCode();
    }
}
