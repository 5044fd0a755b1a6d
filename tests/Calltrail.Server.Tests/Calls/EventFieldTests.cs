using System.Net;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit.Time;
using Microsoft.AspNetCore.TestHost;
using TestServer = Calltrail.Server.Tests.Support.TestServer;
using Microsoft.Extensions.DependencyInjection;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

/// <summary>
/// The fields of a received event that would be stored wrong or could not be fetched again (issue 10,
/// findings 2 and 6): times outside the window, call ids that are not one printable path segment,
/// tenants that do not exist, and tracking numbers of another tenant. Each is a 400 naming the field.
/// </summary>
public sealed class EventFieldTests
{
    /// <summary>The server's clock in these tests; "a day after it" is 2026-11-26T10:00:00Z.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"1969-12-31T23:59:59Z\"")]
    [InlineData("\"1999-12-31T23:59:59.999Z\"")]
    [InlineData("\"9999-12-31T00:00:00Z\"")]
    [InlineData("\"2200-01-01T00:00:00Z\"")]
    [InlineData("\"2026-11-26T10:00:00.001Z\"")]
    [InlineData("1790000000")]
    [InlineData("1790000000000000")]
    public async Task A_time_outside_the_window_is_refused_on_at(string at)
    {
        using var server = ServerAt(Now);

        using var response = await server.Admin().PostAsync("/api/calls/events", Json.Body(Ended("c1", at)));

        await AssertRefusedAsync(server, response, "at", "c1");
    }

    [Theory]
    [InlineData("\"2000-01-01T00:00:00Z\"")]
    [InlineData("\"2026-11-26T10:00:00Z\"")]
    [InlineData("1790000000000")]
    public async Task A_time_inside_the_window_is_taken(string at)
    {
        using var server = ServerAt(Now);

        using var response = await server.Admin().PostAsync("/api/calls/events", Json.Body(Ended("c1", at)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("a\\u0000b")]
    [InlineData("line\\nbreak")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("calls/c1")]
    [InlineData("..\\\\c1")]
    [InlineData("two words")]
    [InlineData("\\u202ec1")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_call_id_that_is_not_one_printable_segment_is_refused(string callId)
    {
        using var server = ServerAt(Now);

        using var response = await server.Admin().PostAsync("/api/calls/events", Json.Body($"[{Ended("ok-1", "1790000000000")}, {Ended(callId, "1790000000000")}]"));

        await AssertRefusedAsync(server, response, "[1].callId", "ok-1");
    }

    [Theory]
    [InlineData("c1")]
    [InlineData("3f2b9c1e-0d4a-4e8b-9a77-2c1d5e6f7a80@pbx.example.com")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_printable_call_id_is_taken_and_can_be_fetched(string callId)
    {
        using var server = ServerAt(Now);

        using var sent = await server.Admin().PostAsync("/api/calls/events", Json.Body(Ended(callId, "1790000000000")));
        using var fetched = await server.Admin().GetAsync($"/api/calls/{Uri.EscapeDataString(callId)}");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
    }

    [Fact]
    public async Task A_started_event_naming_a_tenant_that_does_not_exist_is_refused_on_tenant()
    {
        using var server = ServerAt(Now);

        using var response = await SendAsync(server.Admin(), Started("c1", tenant: "atlantis"));

        await AssertRefusedAsync(server, response, "tenant", "c1");
    }

    [Fact]
    public async Task A_limited_token_cannot_start_its_call_to_another_tenants_tracking_number()
    {
        using var server = await WithSouthTrackingNumberAsync();
        var north = server.WithToken(await server.CreateTokenAsync("telephony", "north"));

        // Started() dials +15550142000, south's number.
        using var naming = await SendAsync(north, Started("c1", tenant: "north"));
        using var unnamed = await SendAsync(north, Started("c2", tenant: null));

        await AssertRefusedAsync(server, naming, "to", "c1");
        Assert.DoesNotContain("south", await naming.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, unnamed.StatusCode);
        using var stored = await server.Admin().GetAsync("/api/calls/c2");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task The_tracking_number_must_be_the_named_tenants_whoever_sends_it()
    {
        using var server = await WithSouthTrackingNumberAsync();
        const string body = """
            [{ "callId": "c1", "sequence": 1, "type": "started", "at": 1790000000000, "direction": "inbound",
               "from": "+15550100001", "to": "+15550199999", "trackingNumber": "+15550142000", "tenant": "north" }]
            """;

        using var mismatched = await server.Admin().PostAsync("/api/calls/events", Json.Body(body));
        using var agreeing = await server.Admin().PostAsync("/api/calls/events", Json.Body(body.Replace("\"north\"", "\"south\"", StringComparison.Ordinal)));

        await AssertRefusedAsync(server, mismatched, "[0].trackingNumber", "c1", stillAbsent: false);
        Assert.Equal(HttpStatusCode.OK, agreeing.StatusCode);
        var call = await GetJsonAsync(server.Admin(), "/api/calls/c1");
        Assert.Equal("south", call["tenant"]?.GetValue<string>() ?? call.ToJsonString());
    }

    private static string Ended(string callId, string at) => $$"""{ "callId": "{{callId}}", "sequence": 1, "type": "ended", "at": {{at}} }""";

    private static TestServer ServerAt(DateTimeOffset now) =>
        new(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ManualTimeProvider(now))));

    private static async Task<TestServer> WithSouthTrackingNumberAsync()
    {
        var server = ServerAt(Now);
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        using var number = await server.Admin().PutAsync("/api/tracking-numbers/+15550142000",
            Json.Body("""{"tenant": "south", "campaign": {"name": "South spring mailer"}}"""));
        number.EnsureSuccessStatusCode();
        return server;
    }

    /// <summary>A 400 whose errors name <paramref name="field"/>, and the call not stored (nothing of a refused request is).</summary>
    private static async Task AssertRefusedAsync(TestServer server, HttpResponseMessage response, string field, string callId, bool stillAbsent = true)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.True((await JsonAsync(response))["errors"]?[field] is not null, text);
        if (stillAbsent)
        {
            using var stored = await server.Admin().GetAsync($"/api/calls/{callId}");
            Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        }
    }
}
