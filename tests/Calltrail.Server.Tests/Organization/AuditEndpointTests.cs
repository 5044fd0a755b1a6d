using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class AuditEndpointTests
{
    [Fact]
    public async Task Audit_ShowsEachChangeNewestFirst_WithTheActorAndTheValuesAsJson()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/sales/recording", """{"record": false}""").OkAsync();

        var page = await admin.GetJsonAsync("/api/settings/audit");

        var entries = page["entries"]!.AsArray();
        Assert.Equal(["queue:sales.recording", "queue:sales"], entries.Select(e => (string?)e!["subject"]));
        var latest = entries[0]!;
        Assert.Equal("administrator", (string?)latest["actor"]);
        Assert.Null(latest["before"]);
        OrganizationApi.Same("""{"record":false}""", latest["after"]);
        Assert.True(DateTimeOffset.TryParse((string?)latest["at"], out _));
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task Audit_PagesWithLimitAndNext()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        foreach (var queue in new[] { "a", "b", "c" })
        {
            await admin.PutJsonAsync($"/api/queues/{queue}", """{"name": "Q"}""").OkAsync();
        }

        var first = await admin.GetJsonAsync("/api/settings/audit?limit=2");
        var second = await admin.GetJsonAsync((string)first["next"]!);

        Assert.Equal(["queue:c", "queue:b"], first["entries"]!.AsArray().Select(e => (string?)e!["subject"]));
        Assert.Equal(["queue:a"], second["entries"]!.AsArray().Select(e => (string?)e!["subject"]));
        Assert.Null(second["next"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("before=-1", "before")]
    [InlineData("before=x", "before")]
    public async Task Audit_BadPaging_Is400NamingTheParameter(string query, string field)
    {
        using var server = new TestServer();

        var response = await server.Admin().GetAsync($"/api/settings/audit?{query}");

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
