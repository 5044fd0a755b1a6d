using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Live;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;

namespace Calltrail.Cli.Replaying;

/// <summary>
/// Talks to the service for <c>replay</c>: PUT /api/settings, POST /api/calls/events one event at a
/// time (as a live call reports them), then GET /api/calls/{id}/verdict — the verdict the service's
/// call logs and recording plan hold. Nothing is decided here.
/// </summary>
internal sealed class ReplayClient(Uri server, string? token, HttpMessageHandler handler) : IDisposable
{
    private readonly HttpClient http = Create(server, token, handler);

    public async Task<int> ReplayAsync(ScenarioFile file, CliConsole console)
    {
        // Each run's calls get ids of their own, so replaying again never collides with an earlier run.
        var run = Guid.NewGuid().ToString("N")[..8];
        // Replayed calls have already happened: laid out a second apart, in the file's order, all over by now.
        var longest = file.Scenarios.Max(s => s.Call.DurationMs);
        var first = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - longest - ((file.Scenarios.Count + 1) * 1_000L);
        var verdicts = new List<string>();
        for (var i = 0; i < file.Scenarios.Count; i++)
        {
            var scenario = file.Scenarios[i];
            var where = file.IsArray ? $"scenario [{i}]" : "the scenario";
            var callId = $"replay-{run}-{i + 1}";
            try
            {
                await SendAsync(HttpMethod.Put, "/api/settings", OrganizationJson.Serialize(scenario.Settings, scenario.Employees), $"{where}: settings");
                foreach (var e in ScenarioPlayback.ToEvents(scenario, callId, first + (i * 1_000L)))
                {
                    await SendAsync(HttpMethod.Post, "/api/calls/events", LiveEventJson.Serialize(e), $"{where}: event {e.Sequence}");
                }

                verdicts.Add(await SendAsync(HttpMethod.Get, $"/api/calls/{callId}/verdict", null, $"{where}: verdict"));
            }
            catch (ReplayFailed failed)
            {
                console.Error.WriteLine($"calltrail replay: {failed.Message}");
                return ExitCodes.InternalError;
            }
        }

        console.Out.WriteLine(file.IsArray ? AsArray(verdicts) : verdicts[0]);
        return ExitCodes.Ok;
    }

    public void Dispose() => http.Dispose();

    private static HttpClient Create(Uri server, string? token, HttpMessageHandler handler)
    {
        var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(token))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> SendAsync(HttpMethod method, string path, string? json, string what)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new ReplayFailed($"{what}: cannot reach {http.BaseAddress}: {e.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new ReplayFailed($"{what}: {method} {path} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Describe(body)}");
            }

            return body;
        }
    }

    /// <summary>The problem's title, detail and field errors, when the answer is problem details.</summary>
    private static string Describe(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject problem)
            {
                var parts = new[] { problem["title"]?.ToString(), problem["detail"]?.ToString() }.Where(p => !string.IsNullOrEmpty(p));
                return string.Join(" — ", parts);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: show it as it came.
        }

        return body.Length > 300 ? body[..300] : body;
    }

    private static string AsArray(IEnumerable<string> verdicts) =>
        new JsonArray([.. verdicts.Select(v => JsonNode.Parse(v))]).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private sealed class ReplayFailed(string message) : Exception(message);
}
