using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class EmployeeEndpointTests
{
    [Fact]
    public async Task Put_Employee_IsKeptWithSeatLineQueuesAndRole_AndInheritsTheDefaults()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();

        var response = await admin.PutJsonAsync("/api/employees/ana",
            """{"name": "Ana Lopez", "seat": false, "directLine": "(555) 010-3000", "queues": ["sales"], "role": "supervisor"}""");

        var employee = await response.JsonAsync(HttpStatusCode.Created);
        OrganizationApi.Same(
            """
            {"id":"ana","name":"Ana Lopez","seat":false,"directLine":"+15550103000","queues":["sales"],"role":"supervisor",
             "recording":{"inbound":true,"outbound":true,"source":"inherited"}}
            """,
            employee);
    }

    [Fact]
    public async Task Recording_CustomizedThenDefaultsChanged_IsKeptUntilReset()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/employees/ana", """{"name": "Ana"}""").OkAsync();

        await admin.PutJsonAsync("/api/employees/ana/recording", """{"inbound": false, "outbound": true}""").OkAsync();
        await admin.PatchJsonAsync("/api/settings/contact-center", """{"defaults": {"user": {"inbound": true, "outbound": false}}}""").OkAsync();
        var custom = await admin.GetJsonAsync("/api/employees/ana");
        var reset = await admin.DeleteAsync("/api/employees/ana/recording").OkAsync();

        OrganizationApi.Same("""{"inbound":false,"outbound":true,"source":"custom"}""", custom["recording"]);
        OrganizationApi.Same("""{"inbound":true,"outbound":false,"source":"inherited"}""", reset["recording"]);
    }

    [Theory]
    [InlineData("/api/employees/ana", """{"seat": true}""", "name")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "seat": "yes"}""", "seat")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "directLine": "12"}""", "directLine")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "queues": ["sales", "nope"]}""", "queues[1]")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "queues": ["sales", "sales"]}""", "queues[1]")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "queues": "sales"}""", "queues")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "role": ""}""", "role")]
    [InlineData("/api/employees/ana", """{"name": "Ana", "team": "x"}""", "team")]
    [InlineData("/api/employees/ana/recording", """{"inbound": false}""", "outbound")]
    [InlineData("/api/employees/ana/recording", """{"inbound": 0, "outbound": true}""", "inbound")]
    public async Task Put_Invalid_Is400NamingTheField(string url, string body, string field)
    {
        using var server = new TestServer();
        await server.Admin().PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await server.Admin().PutJsonAsync("/api/employees/ana", """{"name": "Ana"}""").OkAsync();

        var response = await server.Admin().PutJsonAsync(url, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Put_UnknownQueue_WritesNothing()
    {
        using var server = new TestServer();

        var response = await server.Admin().PutJsonAsync("/api/employees/ana", """{"name": "Ana", "queues": ["nope"]}""");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "queues[0]");
        await (await server.Admin().GetAsync("/api/employees/ana")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await server.Admin().GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray());
    }

    [Fact]
    public async Task Put_DirectLineOfAnotherEmployee_Is409NamingThem()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/employees/ana", """{"name": "Ana", "directLine": "+15550103000"}""").OkAsync();

        var response = await admin.PutJsonAsync("/api/employees/ben", """{"name": "Ben", "directLine": "555-010-3000"}""");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("'ana'", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/employees/ana", null)]
    [InlineData("DELETE", "/api/employees/ana", null)]
    [InlineData("PUT", "/api/employees/ana/recording", """{"inbound": true, "outbound": true}""")]
    [InlineData("DELETE", "/api/employees/ana/recording", null)]
    public async Task UnknownEmployee_Is404(string method, string url, string? body)
    {
        using var server = new TestServer();

        var response = await server.Admin().SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
