using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Calltrail.Server.Tests.Hosting;

public class HostingTests
{
    [Fact]
    public async Task Start_CreatesTheConfiguredDataDirectory()
    {
        using var server = new TestServer();

        await server.Anonymous().GetAsync("/health");

        Assert.True(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        using var server = new TestServer();

        var document = JsonNode.Parse(await server.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]!["/api/decide"]!["post"]);
        Assert.NotNull(document["paths"]!["/health"]!["get"]);
    }

    [Fact]
    public void Start_WithUnknownPhoneRegion_FailsNamingTheSetting()
    {
        using var server = new TestServer(builder => builder.UseSetting("Calltrail:PhoneRegion", "XX"));

        var failure = Assert.ThrowsAny<Exception>(() => server.Anonymous());

        Assert.Contains("Calltrail:PhoneRegion", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Is404()
    {
        using var server = new TestServer();

        var response = await server.Admin().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
