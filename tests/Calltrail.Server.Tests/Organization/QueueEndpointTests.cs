using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class QueueEndpointTests
{
    [Fact]
    public async Task Queue_CustomizedThenDefaultChanged_KeepsItsValueUntilReset()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/service", """{"name": "Service"}""").OkAsync();

        var custom = await admin.PutJsonAsync("/api/queues/sales/recording", """{"record": true}""").OkAsync();
        await admin.PatchJsonAsync("/api/settings/contact-center", """{"defaults": {"queue": {"record": false}}}""").OkAsync();

        Assert.Equal("custom", (string?)custom["recording"]!["source"]);
        var sales = await admin.GetJsonAsync("/api/queues/sales");
        var service = await admin.GetJsonAsync("/api/queues/service");
        Assert.Equal((true, "custom"), ((bool)sales["recording"]!["record"]!, (string?)sales["recording"]!["source"]));
        Assert.Equal((false, "inherited"), ((bool)service["recording"]!["record"]!, (string?)service["recording"]!["source"]));

        var reset = await admin.DeleteAsync("/api/queues/sales/recording").OkAsync();

        Assert.Equal((false, "inherited"), ((bool)reset["recording"]!["record"]!, (string?)reset["recording"]!["source"]));
    }

    [Fact]
    public async Task Put_NewQueue_Is201WithLocation_ThenRename_Is200()
    {
        using var server = new TestServer();
        var admin = server.Admin();

        var created = await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""");
        var renamed = await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales east"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/queues/sales", created.Headers.Location?.OriginalString);
        var queue = await renamed.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("sales", "Sales east"), ((string?)queue["id"], (string?)queue["name"]));
        Assert.Equal(["sales"], (await admin.GetJsonAsync("/api/queues")).AsArray().Select(q => (string?)q!["id"]));
    }

    [Theory]
    [InlineData("PUT", "/api/queues/sales", """{"nam": "Sales"}""", "nam")]
    [InlineData("PUT", "/api/queues/sales", """{}""", "name")]
    [InlineData("PUT", "/api/queues/sales", """{"name": ""}""", "name")]
    [InlineData("PUT", "/api/queues/sales", """{"name": 7}""", "name")]
    [InlineData("PUT", "/api/queues/sales", """[]""", "(body)")]
    [InlineData("PUT", "/api/queues/sales", """{"name": """, "(body)")]
    [InlineData("PUT", "/api/queues/sales", "", "(body)")]
    [InlineData("PUT", "/api/queues/sales/recording", """{"record": "yes"}""", "record")]
    [InlineData("PUT", "/api/queues/sales/recording", """{}""", "record")]
    [InlineData("PUT", "/api/queues/%20/recording", """{"record": true}""", "id")]
    public async Task Put_InvalidBody_Is400NamingTheField(string method, string url, string body, string field)
    {
        using var server = new TestServer();
        await server.Admin().PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();

        var response = await server.Admin().SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Put_IdTooLong_Is400NamingTheId()
    {
        using var server = new TestServer();

        var response = await server.Admin().PutJsonAsync($"/api/queues/{new string('q', 201)}", """{"name": "Q"}""");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("GET", "/api/queues/nope", null)]
    [InlineData("DELETE", "/api/queues/nope", null)]
    [InlineData("PUT", "/api/queues/nope/recording", """{"record": false}""")]
    [InlineData("DELETE", "/api/queues/nope/recording", null)]
    public async Task UnknownQueue_Is404(string method, string url, string? body)
    {
        using var server = new TestServer();

        var response = await server.Admin().SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Queue_Is204AndItsEmployeesLeaveIt()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await admin.PutJsonAsync("/api/employees/ana", """{"name": "Ana", "queues": ["sales"]}""").OkAsync();

        var deleted = await admin.DeleteAsync("/api/queues/sales");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await admin.GetJsonAsync("/api/employees/ana"))["queues"]!.AsArray());
        await (await admin.GetAsync("/api/queues/sales")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
