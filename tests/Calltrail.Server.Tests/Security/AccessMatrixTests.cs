using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Organization;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// The threat "someone calls an endpoint they have no right to": every endpoint in the route table, as every
/// role and as callers with no valid token, must answer exactly what the role table (docs/access.md) allows.
/// </summary>
public class AccessMatrixTests
{
    public static TheoryData<string> Callers() =>
    [
        .. Roles.All,
        NoToken,
        UnknownToken,
        RevokedToken,
    ];

    private const string NoToken = "(no token)";
    private const string UnknownToken = "(unknown token)";
    private const string RevokedToken = "(revoked token)";

    [Fact]
    public void EveryEndpoint_NeedsAToken_UnlessListedAsPublic()
    {
        using var server = new TestServer();

        var routes = Route.Of(server.Services);

        Assert.NotEmpty(routes);
        var open = routes.Where(r => r.Anonymous).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Route.Public.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryEndpoint_AnswersTheCaller_AsTheRoleTableSays(string caller)
    {
        using var server = new TestServer();
        var client = await ClientAsync(server, caller);
        var permissions = Roles.IsKnown(caller) ? Roles.PermissionsOf(caller) : null;
        var wrong = new List<string>();

        foreach (var route in Route.Of(server.Services))
        {
            var (status, title) = await SendAsync(client, route);
            var expected = Expected(route, permissions);
            if (!expected(status, title))
            {
                wrong.Add($"{route}: {(int)status} {title}");
            }
        }

        Assert.True(wrong.Count == 0, $"{caller} was answered wrongly by:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    /// <summary>What a caller holding <paramref name="permissions"/> (null: no valid token) may be answered.</summary>
    private static Func<HttpStatusCode, string?, bool> Expected(Route route, IReadOnlyCollection<Permission>? permissions)
    {
        if (route.Anonymous)
        {
            return (status, _) => (int)status is >= 200 and < 300;
        }

        if (permissions is null)
        {
            return (status, _) => status == HttpStatusCode.Unauthorized;
        }

        if (route.Needs is { } needs && !permissions.Contains(needs))
        {
            return (status, _) => status == HttpStatusCode.Forbidden;
        }

        // Let through: the handler may still refuse the request's content, but never as an authentication
        // or role failure.
        return (status, title) => status != HttpStatusCode.Unauthorized && !(status == HttpStatusCode.Forbidden && title == "Not permitted")
            && status != HttpStatusCode.InternalServerError;
    }

    private static async Task<HttpClient> ClientAsync(TestServer server, string caller)
    {
        switch (caller)
        {
            case NoToken:
                return server.Anonymous();
            case UnknownToken:
                return server.WithToken("ct_" + new string('A', 43));
            case RevokedToken:
                var created = await server.Admin().PostJsonAsync("/api/tokens", """{"name": "leaver", "role": "administrator"}""").OkAsync();
                (await server.Admin().DeleteAsync($"/api/tokens/{(string?)created["id"]}")).EnsureSuccessStatusCode();
                return server.WithToken((string)created["token"]!);
            default:
                return server.WithToken(await server.CreateTokenAsync(caller));
        }
    }

    /// <summary>Sends the route with placeholder values; a stream is read only as far as its headers.</summary>
    private static async Task<(HttpStatusCode Status, string? Title)> SendAsync(HttpClient client, Route route)
    {
        var url = Placeholders.Fill(route.Pattern, Placeholders.Stranger) + (route.Pattern == "/api/desktop/events" ? "?employee=matrix-employee" : "");
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url)
        {
            Content = route.HasBody ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, null);
        }

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, (string?)problem?["title"]);
    }
}
