using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Live;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

public sealed class LogEndpointTests
{
    public static TheoryData<string> Examples() => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_played_as_live_events_reads_back_as_its_verdict(string name)
    {
        using var server = new TestServer();
        var scenario = Example(name);
        await UseSettingsAsync(server, scenario.Settings, scenario.Employees);

        await PlayAsync(server.Admin(), scenario, name);

        using var verdict = await server.Admin().GetAsync($"/api/calls/{name}/verdict");
        VerdictAssert.Equivalent(await File.ReadAllTextAsync(SpecExamples.Named(name).VerdictPath), await verdict.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_logs_need_a_token()
    {
        using var server = new TestServer();
        using var response = await server.Anonymous().GetAsync("/api/calls/contact-center");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Both_logs_keep_their_own_view_of_the_same_call()
    {
        using var server = new TestServer();
        var scenario = Example("06-payment-pause");
        await UseSettingsAsync(server, scenario.Settings, scenario.Employees);
        await PlayAsync(server.Admin(), scenario, "pay-1");

        var cc = Single(await GetJsonAsync(server.Admin(), "/api/calls/contact-center"));
        var fs = Single(await GetJsonAsync(server.Admin(), "/api/calls/field-service"));

        Assert.Equal("[[0,45000],[90000,120000]]", cc["spans"]!.ToJsonString());
        Assert.Equal("payment-screen", cc["paused"]![0]!["cause"]!.GetValue<string>());
        Assert.Equal("queue", cc["setting"]!["scope"]!.GetValue<string>());
        Assert.Equal("inherited", cc["setting"]!["source"]!.GetValue<string>());
        Assert.Equal("contact-center", fs["recording"]!["source"]!.GetValue<string>());
        Assert.Equal("unbooked", fs["classification"]!.GetValue<string>());
        Assert.Equal("north", fs["tenant"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filters_narrow_the_log_and_pages_walk_it_newest_first_without_gaps_or_repeats()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        var admin = server.Admin();
        for (var i = 0; i < 7; i++)
        {
            var tenant = i % 2 == 0 ? "north" : "south";
            var start = ConnectAt + (i * 60_000);
            await SendAsync(admin,
                Started($"c{i}", tenant, at: start),
                new LiveEvent($"c{i}", 2, LiveEventType.Answered, start) { Employee = "ana" },
                new LiveEvent($"c{i}", 3, LiveEventType.Ended, start + 30_000));
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await GetJsonAsync(admin, "/api/calls/field-service?tenant=north&limit=2" + (next is null ? "" : $"&cursor={next}"));
            seen.AddRange(page["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        }
        while (next is not null);

        Assert.Equal(["c6", "c4", "c2", "c0"], seen);
        var excused = await GetJsonAsync(admin, "/api/calls/field-service?classification=excused&direction=inbound&caller=(555)%20010-0001");
        Assert.Equal(7, excused["calls"]!.AsArray().Count);
        var window = await GetJsonAsync(admin, $"/api/calls/contact-center?since=2026-09-21T14:15:00Z&until=2026-09-21T14:17:00Z");
        Assert.Equal(["c3", "c2"], window["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("recorded=yes", "recorded")]
    [InlineData("classification=hot", "classification")]
    [InlineData("since=yesterday", "since")]
    [InlineData("caller=not-a-number", "caller")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task A_bad_query_is_refused_naming_the_parameter(string query, string field)
    {
        using var server = new TestServer();
        using var response = await server.Admin().GetAsync($"/api/calls/contact-center?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_call_is_404()
    {
        using var server = new TestServer();
        using var response = await server.Admin().GetAsync("/api/calls/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonNode Single(JsonNode page) => Assert.Single(page["calls"]!.AsArray())!;
}
