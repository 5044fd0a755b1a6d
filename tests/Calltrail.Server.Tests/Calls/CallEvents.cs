using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Server.Tests.Support;
using Calltrail.Settings;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Calls;

/// <summary>Sends call events the way the telephony does, and arranges the settings in force.</summary>
internal static class CallEvents
{
    public const long ConnectAt = 1_790_000_000_000;

    public static HttpContent Body(IEnumerable<LiveEvent> events) => Json.Body(LiveEventJson.SerializeMany(events));

    public static HttpContent Body(LiveEvent e) => Json.Body(LiveEventJson.Serialize(e));

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, params LiveEvent[] events) =>
        await client.PostAsync("/api/calls/events", events.Length == 1 ? Body(events[0]) : Body(events));

    public static async Task PlayAsync(HttpClient client, Scenario scenario, string callId, long connectAt = ConnectAt)
    {
        foreach (var e in ScenarioPlayback.ToEvents(scenario, callId, connectAt))
        {
            using var response = await SendAsync(client, e);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Puts settings in force by publishing a settings version directly (the organization API is tested on its own).</summary>
    public static async Task UseSettingsAsync(TestServer server, OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees)
    {
        var db = server.Services.GetRequiredService<Db>();
        var versions = server.Services.GetRequiredService<SettingsVersions>();
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var snapshot = await versions.PublishAsync(connection, transaction, settings, employees, ConnectAt);
        await transaction.CommitAsync();
        versions.Committed(snapshot);
        // Calls name their tenants, and the service refuses a tenant that is not in the organization.
        foreach (var tenant in settings.FieldService.Keys)
        {
            await server.AddTenantAsync(tenant);
        }
    }

    public static Scenario Example(string name) =>
        new ScenarioReader().Read(File.ReadAllBytes(Calltrail.TestKit.SpecExamples.Named(name).ScenarioPath)).Scenarios.Single();

    public static LiveEvent Started(string callId, string? tenant = "north", string? queue = "sales", long at = ConnectAt) =>
        new(callId, 1, LiveEventType.Started, at)
        {
            Start = new CallStart(
                Direction.Inbound,
                Calltrail.Phones.PhoneNumber.FromE164("+15550100001"),
                Calltrail.Phones.PhoneNumber.FromE164("+15550142000"),
                Via.TrackingNumber, null, tenant, null, queue, false),
        };

    public static LiveEvent Answered(string callId, long atMs = 0, string employee = "ana", long seq = 2) =>
        new(callId, seq, LiveEventType.Answered, ConnectAt + atMs) { Employee = employee };

    public static LiveEvent At(string callId, long seq, LiveEventType type, long atMs) => new(callId, seq, type, ConnectAt + atMs);

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }
}
