using System.Net;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class TenantIsolationTests
{
    [Theory]
    [MemberData(nameof(OrganizationEndpoints.WholeOrganization), MemberType = typeof(OrganizationEndpoints))]
    public async Task TenantLimitedToken_OnOrganizationWideSettings_Is403SayingWhy(string method, string url, string? body)
    {
        using var server = new TestServer();
        var limited = server.WithToken(await NorthManagerAsync(server));

        var response = await limited.SendAsync(method, url, body);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("tenant-limited token cannot use organization-wide settings", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(2, (await server.Admin().GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray().Count);
    }

    [Fact]
    public async Task TenantLimitedToken_SeesOnlyItsTenants_AndOthersAreAbsent()
    {
        using var server = new TestServer();
        var limited = server.WithToken(await NorthManagerAsync(server));
        await server.Admin().PutJsonAsync("/api/tenants/south", """{"name": "South"}""").OkAsync();

        var list = await limited.GetJsonAsync("/api/tenants");
        var north = await limited.GetAsync("/api/tenants/north");
        var south = await limited.GetAsync("/api/tenants/south");
        var putSouth = await limited.PutJsonAsync("/api/tenants/south", """{"name": "Mine now"}""");
        var createWest = await limited.PutJsonAsync("/api/tenants/west", """{"name": "West"}""");
        var southSettings = await limited.PutJsonAsync("/api/tenants/south/field-service", """{"inbound": "never"}""");
        var deleteSouth = await limited.DeleteAsync("/api/tenants/south");

        Assert.Equal(["north"], list.AsArray().Select(t => (string?)t!["id"]));
        Assert.Equal(HttpStatusCode.OK, north.StatusCode);
        foreach (var refused in new[] { south, putSouth, createWest, southSettings, deleteSouth })
        {
            await refused.ProblemAsync(HttpStatusCode.NotFound);
        }

        var stillSouth = await server.Admin().GetJsonAsync("/api/tenants/south");
        Assert.Equal(("South", "automatically"), ((string?)stillSouth["name"], (string?)stillSouth["fieldService"]!["inbound"]));
        await (await server.Admin().GetAsync("/api/tenants/west")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TenantLimitedToken_ChangesItsOwnTenant()
    {
        using var server = new TestServer();
        var limited = server.WithToken(await NorthManagerAsync(server));

        var renamed = await limited.PutJsonAsync("/api/tenants/north", """{"name": "North Plumbing", "fieldService": {"outbound": "never"}}""").OkAsync();

        Assert.Equal(("North Plumbing", "never"), ((string?)renamed["name"], (string?)renamed["fieldService"]!["outbound"]));
    }

    [Fact]
    public async Task TenantLimitedToken_SeesAndChangesOnlyItsTenantsTrackingNumbers()
    {
        using var server = new TestServer();
        var limited = server.WithToken(await NorthManagerAsync(server));
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/south", """{"name": "South"}""").OkAsync();
        await admin.PutJsonAsync("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "North mailer"}}""").OkAsync();
        await admin.PutJsonAsync("/api/tracking-numbers/+15550143000", """{"tenant": "south", "campaign": {"name": "South mailer"}}""").OkAsync();

        var list = await limited.GetJsonAsync("/api/tracking-numbers");
        var southList = await limited.GetJsonAsync("/api/tracking-numbers?tenant=south");
        var getSouth = await limited.GetAsync("/api/tracking-numbers/+15550143000");
        var deleteSouth = await limited.DeleteAsync("/api/tracking-numbers/+15550143000");
        var takeSouth = await limited.PutJsonAsync("/api/tracking-numbers/+15550143000", """{"tenant": "north", "campaign": {"name": "Mine"}}""");
        var giveToSouth = await limited.PutJsonAsync("/api/tracking-numbers/+15550142000", """{"tenant": "south", "campaign": {"name": "Theirs"}}""");
        var addNorth = await limited.PutJsonAsync("/api/tracking-numbers/+15550144000", """{"tenant": "north", "campaign": {"name": "Radio"}}""");

        Assert.Equal(["+15550142000"], list.AsArray().Select(n => (string?)n!["number"]));
        Assert.Empty(southList.AsArray());
        await getSouth.ProblemAsync(HttpStatusCode.NotFound);
        await deleteSouth.ProblemAsync(HttpStatusCode.NotFound);
        await takeSouth.ProblemAsync(HttpStatusCode.Conflict);
        await giveToSouth.ProblemAsync(HttpStatusCode.BadRequest, "tenant");
        Assert.Equal(HttpStatusCode.Created, addNorth.StatusCode);
        var south = await admin.GetJsonAsync("/api/tracking-numbers/+15550143000");
        Assert.Equal(("south", "South mailer"), ((string?)south["tenant"], (string?)south["campaign"]!["name"]));
    }

    /// <summary>Tenant north (made by the administrator, two audit entries) and a manager token limited to it.</summary>
    private static async Task<string> NorthManagerAsync(TestServer server)
    {
        await server.Admin().PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();
        return await server.CreateTokenAsync(Roles.Manager, "north");
    }
}
