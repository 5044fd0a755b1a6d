using System.Net;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class PermissionTests
{
    [Theory]
    [MemberData(nameof(OrganizationEndpoints.WithRolesLackingThePermission), MemberType = typeof(OrganizationEndpoints))]
    public async Task WithoutThePermission_Is403AndChangesNothing(string method, string url, string? body, string role)
    {
        using var server = new TestServer();
        var token = await server.CreateTokenAsync(role);

        var response = await server.WithToken(token).SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await server.Admin().GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray());
    }

    [Fact]
    public async Task Manager_RunsTheOrganization_AndTheAuditNamesTheToken()
    {
        using var server = new TestServer();
        var manager = server.WithToken(await server.CreateTokenAsync(Roles.Manager));

        await manager.PutJsonAsync("/api/tenants/north", """{"name": "North", "fieldService": {"inbound": "on-demand"}}""").OkAsync();
        await manager.PutJsonAsync("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "Mailer"}}""").OkAsync();
        await manager.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await manager.PutJsonAsync("/api/queues/sales/recording", """{"record": false}""").OkAsync();
        await manager.PutJsonAsync("/api/employees/ana", """{"name": "Ana", "queues": ["sales"]}""").OkAsync();
        await manager.PatchJsonAsync("/api/settings/contact-center", """{"announceRecording": true}""").OkAsync();
        await manager.PostJsonAsync("/api/exclusion-list", """{"number": "+15550109999"}""").OkAsync();

        var entries = (await manager.GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray();
        Assert.All(entries, e => Assert.Equal("test manager", (string?)e!["actor"]));
        Assert.Equal("test manager", (string?)(await manager.GetJsonAsync("/api/exclusion-list"))[0]!["addedBy"]);
    }

    [Fact]
    public async Task Agent_ReadsTheOrganizationButChangesNothing()
    {
        using var server = new TestServer();
        await server.Admin().PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        var agent = server.WithToken(await server.CreateTokenAsync(Roles.Agent));

        var queues = await agent.GetJsonAsync("/api/queues");
        var rename = await agent.PutJsonAsync("/api/queues/sales", """{"name": "Sales east"}""");

        Assert.Equal("Sales", (string?)queues[0]!["name"]);
        await rename.ProblemAsync(HttpStatusCode.Forbidden);
    }
}
