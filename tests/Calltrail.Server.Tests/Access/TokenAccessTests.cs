using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Access;

namespace Calltrail.Server.Tests.Access;

public class TokenAccessTests
{
    private const string NewToken = """{"name": "Minted", "role": "agent"}""";

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/tokens" },
        { "POST", "/api/tokens" },
        { "GET", "/api/tokens/tok_0000000000000000" },
        { "DELETE", "/api/tokens/tok_0000000000000000" },
        { "GET", "/api/me" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WithoutToken_Is401(string method, string path)
    {
        using var server = new TestServer();

        var response = await server.Anonymous().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("A bearer token is required", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WithUnknownToken_Is401(string method, string path)
    {
        using var server = new TestServer();

        var response = await server.WithToken(TokenSecret.New()).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The bearer token is not known", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("supervisor")]
    [InlineData("agent")]
    [InlineData("telephony")]
    public async Task TokenEndpoints_WithoutManageAccess_Are403AndMintNothing(string role)
    {
        using var server = new TestServer();
        var caller = server.WithToken(await server.CreateTokenAsync(role));

        var list = await caller.GetAsync("/api/tokens");
        var create = await caller.PostAsync("/api/tokens", Json.Body(NewToken));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, create.StatusCode));
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Single(JsonNode.Parse(await server.Admin().GetStringAsync("/api/tokens"))!.AsArray());
    }

    [Fact]
    public async Task TokenEndpoints_TenantLimitedAdministrator_Is403SayingWhy()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        var caller = server.WithToken(await server.CreateTokenAsync("administrator", "north"));

        var create = await caller.PostAsync("/api/tokens", Json.Body(NewToken));
        var list = await caller.GetAsync("/api/tokens");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (create.StatusCode, list.StatusCode));
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limited to some tenants", (string?)JsonNode.Parse(await create.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(await server.Admin().GetStringAsync("/api/tokens"))!.AsArray());
    }

    [Fact]
    public async Task Me_AdminToken_HoldsEveryPermissionForEveryTenant()
    {
        using var server = new TestServer();

        var me = JsonNode.Parse(await server.Admin().GetStringAsync("/api/me"))!;

        Assert.Equal(("administrator", "administrator"), ((string?)me["name"], (string?)me["role"]));
        Assert.Equal(
            ["view-calls", "listen-to-recordings", "edit-call-recording-settings", "manage-employees", "manage-phone-settings", "report-call-events", "manage-access", "watch-desktops"],
            me["permissions"]!.AsArray().Select(p => (string?)p));
        Assert.Null(me["tenants"]);
    }

    [Fact]
    public async Task Me_TenantLimitedToken_ShowsItsNameRoleAndTenants()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("east");
        var secret = await server.CreateTokenAsync("supervisor", "north", "east");

        var me = JsonNode.Parse(await server.WithToken(secret).GetStringAsync("/api/me"))!;

        Assert.Equal(("test supervisor", "supervisor"), ((string?)me["name"], (string?)me["role"]));
        Assert.Equal(["view-calls", "listen-to-recordings", "watch-desktops"], me["permissions"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["east", "north"], me["tenants"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task Me_TelephonyToken_OnlyReportsCallEvents()
    {
        using var server = new TestServer();

        var me = JsonNode.Parse(await server.WithToken(await server.CreateTokenAsync("telephony")).GetStringAsync("/api/me"))!;

        Assert.Equal(["report-call-events"], me["permissions"]!.AsArray().Select(p => (string?)p));
        Assert.Null(me["tenants"]);
    }

    [Theory]
    [InlineData("manager", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("agent", HttpStatusCode.OK)]
    [InlineData("telephony", HttpStatusCode.Forbidden)]
    public async Task Decide_NeedsViewCalls_WhichTelephonyLacks(string role, HttpStatusCode expected)
    {
        using var server = new TestServer();

        var response = await server.WithToken(await server.CreateTokenAsync(role))
            .PostAsync("/api/decide", Json.Body("""{"call": {"direction": "inbound"}}"""));

        Assert.Equal(expected, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? Json.Body(NewToken) : null };
}
