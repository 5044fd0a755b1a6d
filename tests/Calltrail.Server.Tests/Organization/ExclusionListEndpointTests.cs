using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class ExclusionListEndpointTests
{
    [Fact]
    public async Task Post_Number_Is201InE164WithWhoAndWhen()
    {
        using var server = new TestServer();

        var response = await server.Admin().PostJsonAsync("/api/exclusion-list", """{"number": "(555) 010-9999"}""");

        var entry = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("+15550109999", "administrator"), ((string?)entry["number"], (string?)entry["addedBy"]));
        Assert.True(DateTimeOffset.TryParse((string?)entry["addedAt"], out var at) && at > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("/api/exclusion-list/%2B15550109999", response.Headers.Location?.OriginalString);
        Assert.Contains("\"+15550109999\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NumberAlreadyListed_Is409SayingWhoAddedItAndWhen()
    {
        using var server = new TestServer();
        var first = await server.Admin().PostJsonAsync("/api/exclusion-list", """{"number": "+15550109999"}""").OkAsync();

        var response = await server.Admin().PostJsonAsync("/api/exclusion-list", """{"number": "555-010-9999"}""");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("administrator", (string?)problem["addedBy"]);
        Assert.Equal((string?)first["addedAt"], (string?)problem["addedAt"]);
        Assert.Contains("administrator added it at", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Single((await server.Admin().GetJsonAsync("/api/exclusion-list")).AsArray());
    }

    [Theory]
    [InlineData("""{"number": "12"}""", "number")]
    [InlineData("""{"number": 15550109999}""", "number")]
    [InlineData("""{}""", "number")]
    [InlineData("""{"number": "+15550109999", "note": "spam"}""", "note")]
    public async Task Post_Invalid_Is400NamingTheField(string body, string field)
    {
        using var server = new TestServer();

        var response = await server.Admin().PostJsonAsync("/api/exclusion-list", body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Delete_InAnyWrittenForm_Is204_ThenUnlisted_Is404()
    {
        using var server = new TestServer();
        await server.Admin().PostJsonAsync("/api/exclusion-list", """{"number": "+15550109999"}""").OkAsync();

        var removed = await server.Admin().DeleteAsync($"/api/exclusion-list/{OrganizationApi.Path("(555) 010-9999")}");
        var again = await server.Admin().DeleteAsync("/api/exclusion-list/+15550109999");
        var notANumber = await server.Admin().DeleteAsync("/api/exclusion-list/nope");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await notANumber.ProblemAsync(HttpStatusCode.BadRequest, "number");
        Assert.Empty((await server.Admin().GetJsonAsync("/api/exclusion-list")).AsArray());
    }
}
