using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Hosting;
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

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public void Validate_AStreamRecheckIntervalOutOfRange_NamesTheSetting(string interval)
    {
        var options = new CalltrailOptions { StreamRecheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), problems, validateAllProperties: true));

        Assert.Contains("Calltrail:StreamRecheckInterval", Assert.Single(problems).ErrorMessage, StringComparison.Ordinal);
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
