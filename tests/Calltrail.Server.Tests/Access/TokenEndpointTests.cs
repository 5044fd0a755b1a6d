using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Access;
using Dapper;

namespace Calltrail.Server.Tests.Access;

public class TokenEndpointTests
{
    private const string Scenario = """{"call": {"direction": "inbound"}}""";

    [Fact]
    public async Task Create_Is201WithTheTokenAndItsSecret()
    {
        using var server = new TestServer();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var response = await server.Admin().PostAsync("/api/tokens", Json.Body("""{"name": "Night desk", "role": "supervisor"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["id", "name", "role", "tenants", "employee", "createdAt", "createdBy", "token"], token.Select(p => p.Key));
        Assert.Equal($"/api/tokens/{token["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Night desk", "supervisor", "administrator"), ((string?)token["name"], (string?)token["role"], (string?)token["createdBy"]));
        Assert.Null(token["tenants"]);
        Assert.InRange((long)token["createdAt"]!, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Matches("^ct_[A-Za-z0-9_-]{43}$", (string?)token["token"]);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Create_LimitedToTenants_KeepsThemInTheGivenOrder()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("south");
        await server.AddTenantAsync("north");

        var response = await server.Admin().PostAsync(
            "/api/tokens", Json.Body("""{"name": "South office", "role": "manager", "tenants": ["south", "north"]}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        var stored = JsonNode.Parse(await server.Admin().GetStringAsync($"/api/tokens/{id}"))!;
        Assert.Equal(["south", "north"], stored["tenants"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task CreatedToken_WorksUntilRevokedAndNotAfter()
    {
        using var server = new TestServer();
        var created = JsonNode.Parse(await (await server.Admin().PostAsync(
            "/api/tokens", Json.Body("""{"name": "Wallboard", "role": "agent"}"""))).Content.ReadAsStringAsync())!;
        var caller = server.WithToken((string)created["token"]!);

        var whileValid = await caller.PostAsync("/api/decide", Json.Body(Scenario));
        var revoke = await server.Admin().DeleteAsync($"/api/tokens/{created["id"]}");
        var afterRevoke = await caller.PostAsync("/api/decide", Json.Body(Scenario));

        Assert.Equal(HttpStatusCode.OK, whileValid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("The bearer token is not known", (string?)JsonNode.Parse(await afterRevoke.Content.ReadAsStringAsync())!["title"]);
    }

    [Fact]
    public async Task Revoke_ShowsWhenInTheTokensRecord()
    {
        using var server = new TestServer();
        var id = (string)JsonNode.Parse(await (await server.Admin().PostAsync(
            "/api/tokens", Json.Body("""{"name": "Old script", "role": "agent"}"""))).Content.ReadAsStringAsync())!["id"]!;

        await server.Admin().DeleteAsync($"/api/tokens/{id}");
        var again = await server.Admin().DeleteAsync($"/api/tokens/{id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var token = JsonNode.Parse(await server.Admin().GetStringAsync($"/api/tokens/{id}"))!;
        Assert.True((long)token["revokedAt"]! >= (long)token["createdAt"]!);
    }

    [Fact]
    public async Task List_ShowsEveryTokenButNeverASecretOrItsHash()
    {
        using var server = new TestServer();
        var first = await server.CreateTokenAsync("manager");
        var second = await server.CreateTokenAsync("telephony");

        var listed = await server.Admin().GetStringAsync("/api/tokens");

        var tokens = JsonNode.Parse(listed)!.AsArray();
        Assert.Equal(["manager", "telephony"], tokens.Select(t => (string?)t!["role"]));
        Assert.All(tokens, t => Assert.Null(t!["token"]));
        Assert.All(tokens, t => Assert.Null(t!["revokedAt"]));
        foreach (var secret in new[] { first, second })
        {
            Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
            Assert.DoesNotContain(TokenSecret.Hash(secret), listed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_NeverShowsTheSecret()
    {
        using var server = new TestServer();
        var secret = await server.CreateTokenAsync("supervisor");
        var id = (string)JsonNode.Parse(await server.Admin().GetStringAsync("/api/tokens"))!.AsArray().Single()!["id"]!;

        var shown = await server.Admin().GetStringAsync($"/api/tokens/{id}");

        Assert.Equal("supervisor", (string?)JsonNode.Parse(shown)!["role"]);
        Assert.Null(JsonNode.Parse(shown)!["token"]);
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TheDatabaseKeepsOnlyTheSecretsHash()
    {
        using var server = new TestServer();

        var secret = await server.CreateTokenAsync("agent");

        await using var connection = await server.Db.OpenAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT secret_hash FROM api_tokens");
        Assert.Equal(TokenSecret.Hash(secret), stored);
    }

    [Fact]
    public async Task Create_ByAnApiToken_RecordsThatTokensNameAsCreator()
    {
        using var server = new TestServer();
        var delegated = await server.CreateTokenAsync("administrator");

        var response = await server.WithToken(delegated).PostAsync("/api/tokens", Json.Body("""{"name": "Made by a token", "role": "agent"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("test administrator", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["createdBy"]);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task UnknownId_Is404ProblemDetails(string method)
    {
        using var server = new TestServer();

        var response = await server.Admin().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/tokens/tok_nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tok_nope", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheTokenEndpoints()
    {
        using var server = new TestServer();

        var paths = JsonNode.Parse(await server.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;

        Assert.NotNull(paths["/api/tokens"]!["post"]);
        Assert.NotNull(paths["/api/tokens"]!["get"]);
        Assert.NotNull(paths["/api/tokens/{id}"]!["delete"]);
        Assert.NotNull(paths["/api/me"]!["get"]);
    }
}
