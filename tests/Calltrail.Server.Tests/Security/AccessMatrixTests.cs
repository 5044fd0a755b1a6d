using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Organization;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// The threat "someone calls an endpoint they have no right to". Every endpoint in the server's route table must
/// be listed in docs/access.md, and every role — unlimited and limited to a tenant — a revoked token, an unknown
/// token and no token at all must get exactly the answer that page promises.
/// </summary>
public class AccessMatrixTests
{
    private const string NoToken = "(no token)";
    private const string UnknownToken = "(unknown token)";
    private const string RevokedToken = "(revoked token)";
    private const string LimitedSuffix = " limited to north";

    public static TheoryData<string> Callers() =>
    [
        .. Roles.All,
        .. Roles.All.Select(r => r + LimitedSuffix),
        NoToken,
        UnknownToken,
        RevokedToken,
    ];

    [Fact]
    public void EveryEndpoint_IsListedInTheAccessPage_AndOnlyTheListedOnesArePublic()
    {
        using var server = new TestServer();

        var routes = Route.Of(server.Services);

        Assert.Equal(
            DocumentedAccess.All.Keys.Order(StringComparer.Ordinal),
            routes.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            DocumentedAccess.All.Where(a => a.Value.Public).Select(a => a.Key).Order(StringComparer.Ordinal),
            routes.Where(r => r.Anonymous).Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryEndpoint_AnswersTheCaller_AsTheAccessPageSays(string caller)
    {
        using var server = new TestServer();
        var client = await ClientAsync(server, caller);
        var role = caller.Replace(LimitedSuffix, "", StringComparison.Ordinal);
        var permissions = Roles.IsKnown(role) ? Roles.PermissionsOf(role) : null;
        var limited = caller.EndsWith(LimitedSuffix, StringComparison.Ordinal);
        var wrong = new List<string>();

        foreach (var route in Route.Of(server.Services))
        {
            var promise = DocumentedAccess.Of(route) ?? throw new InvalidOperationException($"{route} is not in docs/access.md.");
            var (status, title) = await SendAsync(client, route);
            if (!Allowed(promise, permissions, limited)(status, title))
            {
                wrong.Add($"{route}: {(int)status} {title}");
            }
        }

        Assert.True(wrong.Count == 0, $"{caller} was answered wrongly by:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    /// <summary>What a caller holding <paramref name="permissions"/> (null: no valid token) may be answered.</summary>
    private static Func<HttpStatusCode, string?, bool> Allowed(DocumentedAccess promise, IReadOnlyCollection<Permission>? permissions, bool limited)
    {
        if (promise.Public)
        {
            return (status, _) => (int)status is >= 200 and < 300;
        }

        if (permissions is null)
        {
            return (status, _) => status == HttpStatusCode.Unauthorized;
        }

        if ((promise.Needs is { } needs && !permissions.Contains(needs)) || (limited && promise.RefusedWhenLimited))
        {
            return (status, _) => status == HttpStatusCode.Forbidden;
        }

        // Let through: the handler may still refuse what the request says (400, 404, 409), but never as an
        // authentication or a role failure, and never with a 500.
        return (status, title) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.InternalServerError)
            && !(status == HttpStatusCode.Forbidden && title == "Not permitted");
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
                if (caller.EndsWith(LimitedSuffix, StringComparison.Ordinal))
                {
                    await server.AddTenantAsync("north");
                    return server.WithToken(await server.CreateTokenAsync(caller.Replace(LimitedSuffix, "", StringComparison.Ordinal), "north"));
                }

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
