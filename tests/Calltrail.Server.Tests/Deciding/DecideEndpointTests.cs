using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;

namespace Calltrail.Server.Tests.Deciding;

public class DecideEndpointTests
{
    public static TheoryData<string> Examples => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Decide_SpecExample_AnswersItsVerdict(string name)
    {
        using var server = new TestServer();
        var example = SpecExamples.Named(name);

        var response = await server.Admin().PostAsync("/api/decide", Json.Body(File.ReadAllText(example.ScenarioPath)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        VerdictAssert.Equivalent(File.ReadAllText(example.VerdictPath), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Decide_Array_AnswersAnArrayInOrder()
    {
        using var server = new TestServer();
        var examples = SpecExamples.All.Take(4).ToArray();

        var response = await server.Admin().PostAsync(
            "/api/decide", Json.Body($"[{string.Join(",", examples.Select(e => File.ReadAllText(e.ScenarioPath)))}]"));

        VerdictAssert.Equivalent(
            $"[{string.Join(",", examples.Select(e => File.ReadAllText(e.VerdictPath)))}]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"call": {"via": "tracking-number"}}""", "call.direction")]
    [InlineData("""{"call": {"direction": "inbound", "via": "keypad"}}""", "call.via")]
    [InlineData("""{"call": {"direction": "outbound", "handler": "agent"}}""", "call.handler")]
    [InlineData("""{"call": {"direction": "inbound", "from": "nope"}}""", "call.from")]
    [InlineData("""{"call": {"direction": "inbound", "surprise": 1}}""", "call.surprise")]
    [InlineData("""[{"call": {"direction": "inbound"}}, {"call": {"direction": "inbound", "durationMs": -1}}]""", "[1].call.durationMs")]
    [InlineData("""{"call": """, "(body)")]
    [InlineData("", "(body)")]
    public async Task Decide_InvalidScenario_Is400ProblemDetailsNamingTheField(string body, string field)
    {
        using var server = new TestServer();

        var response = await server.Admin().PostAsync("/api/decide", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.NotNull(problem["errors"]![field]);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithoutJsonContentType_Is415()
    {
        using var server = new TestServer();

        var response = await server.Admin().PostAsync("/api/decide", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
