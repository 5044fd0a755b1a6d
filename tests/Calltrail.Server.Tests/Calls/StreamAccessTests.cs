using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Calltrail.Server.Calls;
using Calltrail.Server.Tests.Support;
using Calltrail.Settings;
using Dapper;
using Microsoft.AspNetCore.TestHost;
using TestServer = Calltrail.Server.Tests.Support.TestServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Calltrail.Server.Tests.Calls;

/// <summary>
/// Who may hold an event stream open: streams re-check their token on a clock the test moves, and a
/// desktop stream is for its own employee's token or a supervisor and above.
/// </summary>
public sealed class StreamAccessTests : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider clock = new();
    private readonly TestServer server;
    private readonly CancellationTokenSource patience = new(TimeSpan.FromSeconds(30));

    public StreamAccessTests()
    {
        server = new TestServer(builder => builder.ConfigureTestServices(
            services => services.AddKeyedSingleton<TimeProvider>(StreamCredentials.ClockKey, clock)));
    }

    [Fact]
    public async Task Recorder_stream_ends_once_its_token_is_revoked()
    {
        var (id, secret) = await CreateTokenAsync("telephony");
        using var reader = await OpenAsync(secret, "/api/recorder/instructions");

        using (var revoked = await server.Admin().DeleteAsync($"/api/tokens/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        clock.Advance(Recheck);

        Assert.Equal(("ended", "the token was revoked"), await EndedAsync(reader));
    }

    [Theory]
    [InlineData("UPDATE api_tokens SET revoked_at = 1", "the token was revoked")]
    [InlineData("DELETE FROM api_tokens", "the token no longer exists")]
    [InlineData("UPDATE api_tokens SET tenants = '[\"south\"]'", "the token's tenants changed; open the stream again")]
    [InlineData("UPDATE api_tokens SET tenants = NULL", "the token's tenants changed; open the stream again")]
    [InlineData("UPDATE api_tokens SET role = 'agent'", "the token no longer allows this stream")]
    public async Task Desktop_stream_ends_when_its_token_no_longer_carries_it(string change, string reason)
    {
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        await AddEmployeeAsync("bob");
        var (_, secret) = await CreateTokenAsync("supervisor", tenants: ["north"]);
        using var reader = await OpenAsync(secret, "/api/desktop/events?employee=bob");

        await using (var connection = await server.Db.OpenAsync())
        {
            await connection.ExecuteAsync(change);
        }

        clock.Advance(Recheck);

        Assert.Equal(("ended", reason), await EndedAsync(reader));
    }

    [Fact]
    public async Task A_stream_whose_token_still_holds_goes_on_past_a_recheck()
    {
        await server.AddTenantAsync("north");
        await AddEmployeeAsync("ana");
        var settings = OrganizationSettings.Default with { ContactCenter = ContactCenterSettings.Default with { AnnounceRecording = true } };
        await CallEvents.UseSettingsAsync(server, settings, new Dictionary<string, Calltrail.Calls.Employee>());
        var (_, secret) = await CreateTokenAsync("agent", employee: "ana");
        using var reader = await OpenAsync(secret, "/api/desktop/events?employee=ana");

        clock.Advance(Recheck);
        clock.Advance(Recheck);
        using var sent = await CallEvents.SendAsync(server.Admin(), CallEvents.Started("c1"), CallEvents.Answered("c1", employee: "ana"));

        var (name, data) = await NextEventAsync(reader) ?? throw new InvalidOperationException("the stream ended");
        Assert.Equal(("announce-recording", "c1"), (name, (string?)data["callId"]));
    }

    [Fact]
    public async Task An_agent_watches_only_its_own_employees_desktop_and_learns_nothing_of_others()
    {
        await AddEmployeeAsync("ana");
        await AddEmployeeAsync("bob");
        var (_, secret) = await CreateTokenAsync("agent", employee: "ana");
        var agent = server.WithToken(secret);

        using var own = await agent.GetAsync("/api/desktop/events?employee=ana", HttpCompletionOption.ResponseHeadersRead, patience.Token);
        using var other = await agent.GetAsync("/api/desktop/events?employee=bob", patience.Token);
        using var nobody = await agent.GetAsync("/api/desktop/events?employee=zed", patience.Token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (other.StatusCode, nobody.StatusCode));
        var otherProblem = JsonNode.Parse(await other.Content.ReadAsStringAsync())!;
        var nobodyProblem = JsonNode.Parse(await nobody.Content.ReadAsStringAsync())!;
        Assert.Equal((string?)otherProblem["detail"], (string?)nobodyProblem["detail"]);
        Assert.DoesNotContain("bob", otherProblem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_token_for_no_employee_watches_no_desktop()
    {
        await AddEmployeeAsync("bob");
        var (_, secret) = await CreateTokenAsync("agent");

        using var response = await server.WithToken(secret).GetAsync("/api/desktop/events?employee=bob", patience.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("administrator")]
    public async Task Supervisors_and_above_watch_any_employees_desktop(string role)
    {
        await AddEmployeeAsync("bob");
        var (_, secret) = await CreateTokenAsync(role);

        using var reader = await OpenAsync(secret, "/api/desktop/events?employee=bob");

        Assert.NotNull(reader);
    }

    [Fact]
    public async Task A_token_for_an_employee_that_does_not_exist_is_refused_naming_the_field()
    {
        using var response = await server.Admin().PostAsync("/api/tokens", Json.Body("""{"name": "Ana", "role": "agent", "employee": "ghost"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["employee"]);
    }

    [Fact]
    public async Task A_token_shows_its_employee()
    {
        await AddEmployeeAsync("ana");
        var (id, secret) = await CreateTokenAsync("agent", employee: "ana");

        var me = JsonNode.Parse(await server.WithToken(secret).GetStringAsync("/api/me"))!;
        var listed = JsonNode.Parse(await server.Admin().GetStringAsync($"/api/tokens/{id}"))!;

        Assert.Equal(("ana", "ana"), ((string?)me["employee"], (string?)listed["employee"]));
    }

    public void Dispose()
    {
        patience.Dispose();
        server.Dispose();
    }

    private async Task<(string Id, string Secret)> CreateTokenAsync(string role, string[]? tenants = null, string? employee = null)
    {
        var body = JsonSerializer.Serialize(new { name = $"test {role}", role, tenants, employee });
        using var response = await server.Admin().PostAsync("/api/tokens", Json.Body(body));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((string)answer["id"]!, (string)answer["token"]!);
    }

    private async Task AddEmployeeAsync(string id)
    {
        await using var connection = await server.Db.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO employees (id, name, seat) VALUES (@id, @id, TRUE)", new { id });
    }

    /// <summary>Opens the stream and reads its "ready" event: from then on the stream is re-checking its token.</summary>
    private async Task<StreamReader> OpenAsync(string secret, string path)
    {
        var stream = await server.WithToken(secret).GetStreamAsync(path, patience.Token);
        var reader = new StreamReader(stream);
        var (name, _) = await NextEventAsync(reader) ?? throw new InvalidOperationException("the stream ended before it was ready");
        Assert.Equal("ready", name);
        return reader;
    }

    /// <summary>The next event, then the end of the stream: what a listener sees when its credential lapses.</summary>
    private async Task<(string Event, string? Reason)> EndedAsync(StreamReader reader)
    {
        var (name, data) = await NextEventAsync(reader) ?? throw new InvalidOperationException("the stream ended without saying why");
        Assert.Null(await NextEventAsync(reader));
        return (name, (string?)data["reason"]);
    }

    private async Task<(string Event, JsonNode Data)?> NextEventAsync(StreamReader reader)
    {
        var name = "message";
        while (await reader.ReadLineAsync(patience.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (name, JsonNode.Parse(line["data: ".Length..])!);
            }
        }

        return null;
    }
}
