using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class TenantEndpointTests
{
    [Fact]
    public async Task Put_NewTenant_Is201WithTheFieldServiceDefaults()
    {
        using var server = new TestServer();

        var response = await server.Admin().PutJsonAsync("/api/tenants/north", """{"name": "North Plumbing"}""");

        var tenant = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/tenants/north", response.Headers.Location?.OriginalString);
        OrganizationApi.Same(
            """{"id":"north","name":"North Plumbing","fieldService":{"inbound":"automatically","outbound":"automatically","usesContactCenter":true,"continuity":{"enabled":false,"destination":"voice-agent"}}}""",
            tenant);
    }

    [Fact]
    public async Task Put_WithFieldService_SetsIt_AndARenameWithoutItKeepsIt()
    {
        using var server = new TestServer();
        var admin = server.Admin();

        await admin.PutJsonAsync("/api/tenants/north", """
            {"name": "North", "fieldService": {"outbound": "on-demand", "continuity": {"enabled": true, "destination": "external-number"}}}
            """).OkAsync();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North Plumbing"}""").OkAsync();

        var tenant = await admin.GetJsonAsync("/api/tenants/north");
        Assert.Equal("North Plumbing", (string?)tenant["name"]);
        Assert.Equal("on-demand", (string?)tenant["fieldService"]!["outbound"]);
        Assert.Equal("external-number", (string?)tenant["fieldService"]!["continuity"]!["destination"]);
    }

    [Fact]
    public async Task PutFieldService_ReplacesTheSettings_AndReachesTheAudit()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();

        var tenant = await admin.PutJsonAsync("/api/tenants/north/field-service", """{"inbound": "never", "usesContactCenter": false}""").OkAsync();

        Assert.Equal(("never", false), ((string?)tenant["fieldService"]!["inbound"], (bool)tenant["fieldService"]!["usesContactCenter"]!));
        var entry = (await admin.GetJsonAsync("/api/settings/audit"))["entries"]![0]!;
        Assert.Equal("tenant:north.fieldService", (string?)entry["subject"]);
        Assert.Equal("never", (string?)entry["after"]!["inbound"]);
        Assert.Equal("automatically", (string?)entry["before"]!["inbound"]);
    }

    [Theory]
    [InlineData("/api/tenants/north", """{"fieldService": {}}""", "name")]
    [InlineData("/api/tenants/north", """{"name": "North", "fieldService": {"inbound": "sometimes"}}""", "fieldService.inbound")]
    [InlineData("/api/tenants/north", """{"name": "North", "fieldService": {"continuity": {"destination": "moon"}}}""", "fieldService.continuity.destination")]
    [InlineData("/api/tenants/north", """{"name": "North", "fieldService": {"usesContactCentre": false}}""", "fieldService.usesContactCentre")]
    [InlineData("/api/tenants/north", """{"name": "North", "brand": "x"}""", "brand")]
    [InlineData("/api/tenants/north", """{"name": "North\u0007"}""", "name")]
    [InlineData("/api/tenants/north/field-service", """{"outbound": true}""", "outbound")]
    [InlineData("/api/tenants/north/field-service", "null", "(body)")]
    public async Task Put_InvalidBody_Is400NamingTheField(string url, string body, string field)
    {
        using var server = new TestServer();
        await server.Admin().PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();

        var response = await server.Admin().PutJsonAsync(url, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("GET", "/api/tenants/south", null)]
    [InlineData("DELETE", "/api/tenants/south", null)]
    [InlineData("PUT", "/api/tenants/south/field-service", """{"inbound": "never"}""")]
    public async Task UnknownTenant_Is404(string method, string url, string? body)
    {
        using var server = new TestServer();

        var response = await server.Admin().SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_TenantWithTrackingNumbers_Is409_ThenWithoutThem_Is204()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();
        await admin.PutJsonAsync("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "Mailer"}}""").OkAsync();

        var refused = await admin.DeleteAsync("/api/tenants/north");
        await admin.DeleteAsync("/api/tracking-numbers/+15550142000").OkAsync();
        var deleted = await admin.DeleteAsync("/api/tenants/north");

        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("tracking number", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await admin.GetJsonAsync("/api/tenants")).AsArray());
    }
}
