using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class TrackingNumberEndpointTests
{
    [Fact]
    public async Task Put_NumberInAnyWrittenForm_IsKeptInE164()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();

        var response = await admin.PutJsonAsync(
            $"/api/tracking-numbers/{OrganizationApi.Path("(555) 014-2000")}",
            """{"tenant": "north", "campaign": {"name": "Spring mailer", "category": "Direct mail", "source": "postcard", "medium": "print"}}""");

        var number = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/tracking-numbers/%2B15550142000", response.Headers.Location?.OriginalString);
        OrganizationApi.Same(
            """{"number":"+15550142000","tenant":"north","campaign":{"name":"Spring mailer","category":"Direct mail","source":"postcard","medium":"print"}}""",
            number);
        Assert.Equal("+15550142000", (string?)(await admin.GetJsonAsync("/api/tracking-numbers/555-014-2000"))["number"]);
    }

    [Fact]
    public async Task List_ByTenant_ShowsOnlyThatTenantsNumbers()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();
        await admin.PutJsonAsync("/api/tenants/south", """{"name": "South"}""").OkAsync();
        await admin.PutJsonAsync("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "A"}}""").OkAsync();
        await admin.PutJsonAsync("/api/tracking-numbers/+15550143000", """{"tenant": "south", "campaign": {"name": "B"}}""").OkAsync();

        var north = await admin.GetJsonAsync("/api/tracking-numbers?tenant=north");
        var all = await admin.GetJsonAsync("/api/tracking-numbers");

        Assert.Equal(["+15550142000"], north.AsArray().Select(n => (string?)n!["number"]));
        Assert.Equal(2, all.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/tracking-numbers/12", """{"tenant": "north", "campaign": {"name": "A"}}""", "number")]
    [InlineData("/api/tracking-numbers/+15550142000", """{"campaign": {"name": "A"}}""", "tenant")]
    [InlineData("/api/tracking-numbers/+15550142000", """{"tenant": "north"}""", "campaign")]
    [InlineData("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {}}""", "campaign.name")]
    [InlineData("/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "A", "channel": "tv"}}""", "campaign.channel")]
    [InlineData("/api/tracking-numbers/+15550142000", """{"tenant": "south", "campaign": {"name": "A"}}""", "tenant")]
    public async Task Put_Invalid_Is400NamingTheField(string url, string body, string field)
    {
        using var server = new TestServer();
        await server.Admin().PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();

        var response = await server.Admin().PutJsonAsync(url, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Get_NotANumber_Is400_AndUnknownNumber_Is404()
    {
        using var server = new TestServer();

        await (await server.Admin().GetAsync("/api/tracking-numbers/not-a-number")).ProblemAsync(HttpStatusCode.BadRequest, "number");
        await (await server.Admin().GetAsync("/api/tracking-numbers/+15550142000")).ProblemAsync(HttpStatusCode.NotFound);
        await (await server.Admin().DeleteAsync("/api/tracking-numbers/+15550142000")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_EmployeesDirectLine_Is409()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/tenants/north", """{"name": "North"}""").OkAsync();
        await admin.PutJsonAsync("/api/employees/ana", """{"name": "Ana", "directLine": "+15550103000"}""").OkAsync();

        var response = await admin.PutJsonAsync("/api/tracking-numbers/+15550103000", """{"tenant": "north", "campaign": {"name": "A"}}""");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("direct line", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
