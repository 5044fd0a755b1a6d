using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Service.Benchmarks.Hosting;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>
/// The service's side of the calls: an organization whose queue calls are recorded (the settings and
/// employees of spec/examples/06-payment-pause), and each call's started, answered and ended events, so
/// the recorder links every session to a call it must record.
/// </summary>
public sealed class CallEvents(HttpClient api)
{
    public async Task UseRecordingOrganizationAsync()
    {
        var path = Path.Combine(Repository.Root, "spec", "examples", "06-payment-pause.scenario.json");
        var example = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var organization = new JsonObject { ["settings"] = example["settings"]!.DeepClone(), ["employees"] = example["employees"]!.DeepClone() };
        using var response = await api.PutAsync(new Uri("/api/settings", UriKind.Relative), Json(organization.ToJsonString()));
        await EnsureAsync(response, "PUT /api/settings");
    }

    public Task StartedAndAnsweredAsync(string callId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return PostAsync($$"""
            [{"callId": "{{callId}}", "sequence": 1, "type": "started", "at": {{now}}, "direction": "inbound",
              "from": "+15550100001", "to": "+15550142000", "via": "tracking-number", "tenant": "north", "queue": "sales"},
             {"callId": "{{callId}}", "sequence": 2, "type": "answered", "at": {{now}}, "employee": "ana"}]
            """);
    }

    public Task EndedAsync(string callId) =>
        PostAsync($$"""{"callId": "{{callId}}", "sequence": 3, "type": "ended", "at": {{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""");

    /// <summary>One event of <paramref name="type"/> that happened at <paramref name="at"/> (Unix ms).</summary>
    public Task EventAsync(string callId, int sequence, string type, long at) =>
        PostAsync($$"""{"callId": "{{callId}}", "sequence": {{sequence}}, "type": "{{type}}", "at": {{at}}}""");

    private async Task PostAsync(string body)
    {
        using var response = await api.PostAsync(new Uri("/api/calls/events", UriKind.Relative), Json(body));
        await EnsureAsync(response, "POST /api/calls/events");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
