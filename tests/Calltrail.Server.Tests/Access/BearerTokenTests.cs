using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Access;

public class BearerTokenTests
{
    private const string Scenario = """{"call": {"direction": "inbound"}}""";

    [Fact]
    public async Task Decide_WithoutToken_Is401ProblemWithBearerChallenge()
    {
        using var server = new TestServer();

        var response = await server.Anonymous().PostAsync("/api/decide", Json.Body(Scenario));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("A bearer token is required", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
    }

    [Fact]
    public async Task Decide_WithUnknownToken_Is401SayingSo()
    {
        using var server = new TestServer();

        var response = await server.WithToken("not-the-token").PostAsync("/api/decide", Json.Body(Scenario));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The bearer token is not known", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
    }

    [Fact]
    public async Task Decide_WithTokenThatOnlyStartsLikeTheAdminToken_Is401()
    {
        using var server = new TestServer();

        var response = await server.WithToken(TestServer.AdminToken[..^1]).PostAsync("/api/decide", Json.Body(Scenario));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Decide_NoAdminTokenConfigured_NoTokenIsAccepted()
    {
        using var server = new TestServer(builder => builder.UseSetting("CALLTRAIL_ADMIN_TOKEN", string.Empty));

        var response = await server.WithToken(string.Empty).PostAsync("/api/decide", Json.Body(Scenario));
        var admin = await server.Admin().PostAsync("/api/decide", Json.Body(Scenario));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
    }

    [Fact]
    public async Task Health_NeedsNoToken()
    {
        using var server = new TestServer();

        var response = await server.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }
}
