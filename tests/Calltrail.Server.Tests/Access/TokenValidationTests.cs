using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Access;

public class TokenValidationTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { """{"role": "manager"}""", "name" },
        { """{"name": null, "role": "manager"}""", "name" },
        { """{"name": "", "role": "manager"}""", "name" },
        { """{"name": "   ", "role": "manager"}""", "name" },
        { """{"name": 7, "role": "manager"}""", "name" },
        { """{"name": "line\nbreak", "role": "manager"}""", "name" },
        { $$"""{"name": "{{new string('n', 101)}}", "role": "manager"}""", "name" },
        { """{"name": "a", "name": "b", "role": "manager"}""", "name" },
        { """{"name": "Desk"}""", "role" },
        { """{"name": "Desk", "role": "owner"}""", "role" },
        { """{"name": "Desk", "role": "Manager"}""", "role" },
        { """{"name": "Desk", "role": ["manager"]}""", "role" },
        { """{"name": "Desk", "role": "manager", "tenants": []}""", "tenants" },
        { """{"name": "Desk", "role": "manager", "tenants": "north"}""", "tenants" },
        { """{"name": "Desk", "role": "manager", "tenants": [7]}""", "tenants[0]" },
        { """{"name": "Desk", "role": "manager", "tenants": ["north", ""]}""", "tenants[1]" },
        { """{"name": "Desk", "role": "manager", "tenants": ["north", "north"]}""", "tenants[1]" },
        { """{"name": "Desk", "role": "manager", "tenants": ["north", "west"]}""", "tenants[1]" },
        { """{"name": "Desk", "role": "manager", "tenant": ["north"]}""", "tenant" },
        { """{"name": "Desk", "role": "manager", "expiresAt": 0}""", "expiresAt" },
        { """["Desk", "manager"]""", "(body)" },
        { """{"name": """, "(body)" },
        { "", "(body)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Create_BadBody_Is400NamingTheFieldAndCreatesNothing(string body, string field)
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");

        var response = await server.Admin().PostAsync("/api/tokens", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.NotNull(problem["errors"]![field]);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await server.Admin().GetStringAsync("/api/tokens"))!.AsArray());
    }

    [Fact]
    public async Task Create_UnknownRole_ListsTheRoles()
    {
        using var server = new TestServer();

        var response = await server.Admin().PostAsync("/api/tokens", Json.Body("""{"name": "Desk", "role": "owner"}"""));

        var message = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["role"]![0]!;
        Assert.Equal("'owner' is not a role; use one of administrator, manager, supervisor, agent, telephony", message);
    }

    [Fact]
    public async Task Create_SeveralProblems_NamesEachField()
    {
        using var server = new TestServer();

        var response = await server.Admin().PostAsync("/api/tokens", Json.Body("""{"role": "owner", "tenants": [], "color": "red"}"""));

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["color", "name", "role", "tenants"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_UnknownTenant_SaysWhichOne()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");

        var response = await server.Admin().PostAsync(
            "/api/tokens", Json.Body("""{"name": "Desk", "role": "agent", "tenants": ["north", "west"]}"""));

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("'west' is not a tenant", (string?)errors["tenants[1]"]![0]);
        Assert.Single(errors);
    }

    [Fact]
    public async Task Create_NameOfExactly100Characters_IsAcceptedAndTrimmed()
    {
        using var server = new TestServer();
        var name = new string('n', 100);

        var response = await server.Admin().PostAsync("/api/tokens", Json.Body($$"""{"name": "  {{name}} ", "role": "agent", "tenants": null}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(name, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]);
    }

    [Fact]
    public async Task Create_WithoutJsonContentType_Is415()
    {
        using var server = new TestServer();

        var response = await server.Admin().PostAsync(
            "/api/tokens", new StringContent("""{"name": "Desk", "role": "agent"}""", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
