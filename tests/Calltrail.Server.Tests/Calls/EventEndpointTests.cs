using System.Net;
using Calltrail.Live;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

public sealed class EventEndpointTests
{
    [Fact]
    public async Task Reporting_events_needs_a_token()
    {
        using var server = new TestServer();
        using var response = await SendAsync(server.Anonymous(), Started("c1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_event_is_refused_naming_the_field_and_nothing_of_the_request_is_stored()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        const string body = """
            [
              { "callId": "c1", "sequence": 1, "type": "started", "at": "2026-11-24T10:00:00Z", "direction": "inbound", "from": "+15550100001", "to": "+15550142000" },
              { "callId": "c1", "sequence": 2, "type": "answered", "at": "2026-11-24T10:00:05", "employee": "ana" },
              { "callId": "c1", "sequence": 3, "type": "ended", "at": "2026-11-24T10:01:00Z", "employee": "ana" }
            ]
            """;

        using var response = await admin.PostAsync("/api/calls/events", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Contains("offset", problem["errors"]!["[1].at"]![0]!.GetValue<string>());
        Assert.Contains("unknown property", problem["errors"]!["[2].employee"]![0]!.GetValue<string>());
        using var call = await admin.GetAsync("/api/calls/c1");
        Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
    }

    [Theory]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "rang", "at": 0 }""", "type")]
    [InlineData("""{ "callId": "c1", "sequence": -1, "type": "ended", "at": 0 }""", "sequence")]
    [InlineData("""{ "sequence": 1, "type": "ended", "at": 0 }""", "callId")]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "started", "at": "2026-11-24T10:00:00Z" }""", "direction")]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "started", "at": "2026-11-24T10:00:00Z", "direction": "inbound", "via": "keypad" }""", "via")]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "started", "at": "2026-11-24T10:00:00Z", "direction": "inbound", "from": "call me" }""", "from")]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "transferred", "at": "2026-11-24T10:00:00Z" }""", "transferTo")]
    [InlineData("""{ "callId": "c1", "sequence": 1, "type": "call-reason-set", "at": "2026-11-24T10:00:00Z", "reason": "quote" }""", "isLead")]
    [InlineData("""[]""", "(body)")]
    [InlineData("""{ "callId": """, "(body)")]
    public async Task Each_kind_of_bad_event_names_its_field(string body, string field)
    {
        using var server = new TestServer();
        using var response = await server.Admin().PostAsync("/api/calls/events", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task Events_must_be_json()
    {
        using var server = new TestServer();
        using var response = await server.Admin().PostAsync("/api/calls/events", new StringContent("callId=c1", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_repeated_delivery_is_accepted_and_stores_nothing_new_but_a_changed_one_is_a_conflict()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        var admin = server.Admin();
        using var first = await SendAsync(admin, Started("c1"), Answered("c1"));
        using var again = await SendAsync(admin, Started("c1"), Answered("c1"));
        using var changed = await SendAsync(admin, Answered("c1", employee: "ben"));

        Assert.Equal("""{"received":2,"stored":2,"repeated":0}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"received":2,"stored":0,"repeated":2}""", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("sequence 2", (await JsonAsync(changed))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_accepted_event_survives_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), $"calltrail-durable-{Guid.NewGuid():N}");
        try
        {
            using (var before = new TestServer(b => b.UseSetting("Calltrail:DataDirectory", data)))
            {
                await before.AddTenantAsync("north");
                using var sent = await SendAsync(before.Admin(), Started("c1"), Answered("c1"), At("c1", 3, LiveEventType.Ended, 90_000));
                sent.EnsureSuccessStatusCode();
            }

            using var after = new TestServer(b => b.UseSetting("Calltrail:DataDirectory", data));
            var call = await GetJsonAsync(after.Admin(), "/api/calls/c1");
            Assert.Equal("ended", call["status"]!.GetValue<string>());
            Assert.Equal(90_000, call["contactCenter"]!["durationMs"]!.GetValue<long>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_timeline_comes_from_the_event_times_not_from_when_they_arrived()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        var admin = server.Admin();

        // Sent out of order, days after the call happened.
        await SendAsync(admin, At("c1", 5, LiveEventType.Ended, 120_000));
        await SendAsync(admin, At("c1", 4, LiveEventType.PaymentScreenClosed, 90_000), At("c1", 3, LiveEventType.PaymentScreenOpened, 45_000));
        await SendAsync(admin, Answered("c1"), Started("c1"));

        var call = await GetJsonAsync(server.Admin(), "/api/calls/c1");
        Assert.Equal("[[0,45000],[90000,120000]]", call["recordingPlan"]!["spans"]!.ToJsonString());
        Assert.Equal("2026-09-21T14:13:20.000Z", call["contactCenter"]!["startedAt"]!.GetValue<string>());
    }
}
