using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class EveryEndpointTests
{
    [Theory]
    [MemberData(nameof(OrganizationEndpoints.Each), MemberType = typeof(OrganizationEndpoints))]
    public async Task WithoutToken_Is401AndChangesNothing(string method, string url, string? body)
    {
        using var server = new TestServer();

        var response = await server.Anonymous().SendAsync(method, url, body);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await server.Admin().GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(OrganizationEndpoints.WithBodies), MemberType = typeof(OrganizationEndpoints))]
    public async Task WithoutJsonContentType_Is415(string method, string url, string? body)
    {
        using var server = new TestServer();

        var response = await server.Admin().SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(body!, Encoding.UTF8, "text/plain"),
        });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheOrganizationEndpoints()
    {
        using var server = new TestServer();

        var paths = JsonNode.Parse(await server.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;

        foreach (var (method, url) in new[]
        {
            ("put", "/api/tenants/{id}"), ("put", "/api/tracking-numbers/{number}"), ("put", "/api/queues/{id}/recording"),
            ("delete", "/api/employees/{id}/recording"), ("patch", "/api/settings/contact-center"), ("post", "/api/exclusion-list"),
            ("get", "/api/settings/audit"), ("put", "/api/settings"),
        })
        {
            Assert.NotNull(paths[url]?[method]);
        }
    }
}
