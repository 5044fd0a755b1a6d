using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Organization;
using Calltrail.Server.Tests.Recording;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// The threat "a token limited to one tenant reads or changes another's": a north-limited token of every role
/// calls every endpoint in the route table with south's ids, bodies and filters, twice over (so what one
/// request writes, a later one may try to read). No answer may carry anything of south's that the request
/// did not itself say, and south's records must be exactly as they were.
/// </summary>
public class TenantWallTests
{
    private const string CallerNumber = "+15550177123";
    private const string TrackingNumber = "+15550166456";

    /// <summary>South's data a north token must never see: written forms included, not only E.164.</summary>
    private static readonly string[] SouthMarkers =
    [
        "zsouth", "Zuidkust", CallerNumber, "5550177123", "555) 017-7123", TrackingNumber, "5550166456", "555) 016-6456",
        "Zeppelin", "zoltan", "Zoltan", "zqueue",
    ];

    [Fact]
    public async Task NorthLimitedTokens_OfEveryRole_NeitherSeeNorChangeSouth()
    {
        using var server = new TestServer();
        var south = await ArrangeSouthAsync(server);
        var before = await SnapshotAsync(server, south);
        var leaks = new List<string>();

        foreach (var role in Roles.All)
        {
            var north = server.WithToken(await server.CreateTokenAsync(role, "north"));
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var route in Route.Of(server.Services))
                {
                    foreach (var (url, body) in Requests(route, south))
                    {
                        var answer = await SendAsync(north, route.Method, url, body);
                        if (Leak(answer, Uri.UnescapeDataString(url) + body) is { } leak)
                        {
                            leaks.Add($"{role} {route.Method} {url}: {leak}");
                        }
                    }
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Distinct()));
        Assert.Equal(before, await SnapshotAsync(server, south));
    }

    /// <summary>What a request's answer gives away: a 500, or a marker of south's that the request did not name.</summary>
    private static string? Leak((HttpStatusCode Status, string Body) answer, string request)
    {
        if (answer.Status == HttpStatusCode.InternalServerError)
        {
            return "500";
        }

        var told = SouthMarkers.Where(m => !request.Contains(m, StringComparison.Ordinal) && answer.Body.Contains(m, StringComparison.Ordinal)).ToList();
        return told.Count == 0 ? null : $"{(int)answer.Status} tells {string.Join(", ", told)}: {answer.Body[..Math.Min(answer.Body.Length, 400)]}";
    }

    private static IEnumerable<(string Url, string? Body)> Requests(Route route, SouthIds south)
    {
        var url = Placeholders.Fill(route.Pattern, south.Placeholders);
        if (route.Method == "GET")
        {
            yield return (url, null);
            yield return (url + $"?tenant=zsouth&employee=zoltan&queue=zqueue&call={south.CallId}&caller={Uri.EscapeDataString(CallerNumber)}", null);
        }
        else if (!route.HasBody)
        {
            yield return (url, null);
        }
        else
        {
            foreach (var body in Bodies(route, south))
            {
                yield return (url, body);
            }
        }
    }

    /// <summary>A body for every endpoint that takes one, aimed at south; a new endpoint without one fails the test.</summary>
    private static IEnumerable<string> Bodies(Route route, SouthIds south)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return route.ToString() switch
        {
            "POST /api/calls/events" =>
            [
                // South's call id and a used sequence with other content: the conflict must not echo south's event.
                $$"""[{"callId": "{{south.CallId}}", "sequence": 1, "type": "started", "at": {{now}}, "direction": "inbound", "from": "+15550100001", "to": "+15550142000", "tenant": "north"}]""",
                $$"""[{"callId": "{{south.CallId}}", "sequence": 9, "type": "ended", "at": {{now}}}]""",
                // A north call to south's tracking number: it must not take south's campaign.
                $$"""[{"callId": "north-to-south-{{route.Method}}", "sequence": 1, "type": "started", "at": {{now}}, "direction": "inbound", "from": "+15550100001", "to": "{{TrackingNumber}}", "tenant": "north"}]""",
            ],
            "POST /api/decide" => [File.ReadAllText(Calltrail.TestKit.SpecExamples.All[0].ScenarioPath)],
            "POST /api/tokens" => ["""{"name": "grab", "role": "agent", "tenants": ["zsouth"]}"""],
            "PUT /api/tenants/{id}" => ["""{"name": "Mine now"}"""],
            "PUT /api/tenants/{id}/field-service" => ["""{"inbound": "never", "outbound": "never"}"""],
            "PUT /api/tracking-numbers/{number}" => ["""{"tenant": "north", "campaign": {"name": "Stolen"}}""", """{"tenant": "zsouth", "campaign": {"name": "Stolen"}}"""],
            "PUT /api/queues/{id}" => ["""{"name": "Q"}"""],
            "PUT /api/queues/{id}/recording" => ["""{"record": false}"""],
            "PUT /api/employees/{id}" => ["""{"name": "E"}"""],
            "PUT /api/employees/{id}/recording" => ["""{"inbound": false, "outbound": false}"""],
            "PATCH /api/settings/contact-center" => ["""{"announceRecording": true}"""],
            "POST /api/exclusion-list" => ["""{"number": "+15550100002"}"""],
            "PUT /api/settings" => ["""{"settings": {}, "employees": {}}"""],
            _ => throw new InvalidOperationException($"No request body for {route}: add one aimed at south to {nameof(TenantWallTests)}."),
        };
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response.StatusCode, await FirstPartAsync(response));
    }

    /// <summary>The whole answer, or of a stream only its first event (a stream never ends on its own).</summary>
    private static async Task<string> FirstPartAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return await response.Content.ReadAsStringAsync();
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var text = new StringBuilder();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static async Task<SouthIds> ArrangeSouthAsync(TestServer server)
    {
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North Plumbing"}""").OkAsync();
        await admin.PutJsonAsync("/api/tenants/zsouth", """{"name": "Zuidkust Roofing"}""").OkAsync();
        await admin.PutJsonAsync($"/api/tracking-numbers/{TrackingNumber}", """{"tenant": "zsouth", "campaign": {"name": "Zeppelin Mailer"}}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/zqueue", """{"name": "Zqueue"}""").OkAsync();
        await admin.PutJsonAsync("/api/employees/zoltan", """{"name": "Zoltan Q"}""").OkAsync();
        var southToken = await admin.PostJsonAsync("/api/tokens", """{"name": "Zuidkust desk", "role": "agent", "tenants": ["zsouth"]}""").OkAsync();

        const string callId = "zcall-1";
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        await admin.PostAsync("/api/calls/events", Json.Body($$"""
            [{"callId": "{{callId}}", "sequence": 1, "type": "started", "at": {{at}}, "direction": "inbound",
              "from": "{{CallerNumber}}", "to": "{{TrackingNumber}}", "queue": "zqueue"},
             {"callId": "{{callId}}", "sequence": 2, "type": "answered", "at": {{at + 1000}}, "employee": "zoltan"},
             {"callId": "{{callId}}", "sequence": 3, "type": "ended", "at": {{at + 90_000}}}]
            """)).OkAsync();
        var recording = await StoredRecordings.ArrangeAsync(server, callId, "zsouth", 1);

        return new SouthIds(callId, recording, (string)southToken["id"]!, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/api/tenants/{id}"] = "zsouth",
            ["/api/queues/{id}"] = "zqueue",
            ["/api/employees/{id}"] = "zoltan",
            ["/api/tokens/{id}"] = (string)southToken["id"]!,
            ["/api/recordings/{id}"] = recording,
            ["/api/tracking-numbers/{number}"] = TrackingNumber,
            ["/api/exclusion-list/{number}"] = CallerNumber,
            ["/api/calls/{callId}"] = callId,
            ["/openapi/{documentName}"] = "v1",
        });
    }

    /// <summary>South as the administrator sees it: every record a north token might have touched.</summary>
    private static async Task<string> SnapshotAsync(TestServer server, SouthIds south)
    {
        var admin = server.Admin();
        var parts = new JsonArray();
        foreach (var url in new[]
        {
            "/api/tenants/zsouth", $"/api/tracking-numbers/{TrackingNumber}", "/api/queues/zqueue", "/api/employees/zoltan",
            $"/api/calls/{south.CallId}", $"/api/recordings/{south.RecordingId}", $"/api/recordings/{south.RecordingId}/access",
            "/api/calls/contact-center?tenant=zsouth", "/api/calls/field-service?tenant=zsouth", $"/api/tokens/{south.TokenId}",
            "/api/settings/contact-center", "/api/exclusion-list",
        })
        {
            parts.Add(await admin.GetJsonAsync(url));
        }

        return parts.ToJsonString();
    }

    private sealed record SouthIds(string CallId, string RecordingId, string TokenId, IReadOnlyDictionary<string, string> Placeholders);
}
