using System.Net;
using Calltrail.Cli;
using Calltrail.Server.Tests.Calls;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace Calltrail.Server.Tests.Replaying;

/// <summary>The README's "Try it" steps, in order, against a server started as the README starts it (with --seed-demo).</summary>
public sealed class ReadmeWalkthroughTests
{
    [Fact]
    public async Task A_newcomer_replays_an_example_sees_it_in_both_logs_and_adds_a_tenant()
    {
        using var server = new TestServer(b => b.UseSetting("Calltrail:SeedDemo", "true"));
        var example = Path.Combine(RepoPaths.Spec, "examples", "06-payment-pause.scenario.json");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CalltrailCli.Run(
            ["replay", "--server", "http://localhost:5000", "--token", TestServer.AdminToken, example],
            new CliConsole(new StringReader(string.Empty), output, error) { Http = server.Handler });
        var cc = await CallEvents.GetJsonAsync(server.Admin(), "/api/calls/contact-center");
        var fs = await CallEvents.GetJsonAsync(server.Admin(), "/api/calls/field-service");
        using var tenant = await server.Admin().PutAsync("/api/tenants/east", Json.Body(
            """{"name": "East Roofing", "fieldService": {"inbound": "automatically", "outbound": "automatically"}}"""));

        Assert.True(code == 0, error.ToString());
        Assert.Contains("payment-pause", cc["calls"]![0]!["reasons"]!.ToJsonString());
        Assert.Contains("synced-to-field-service", fs["calls"]![0]!["reasons"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
    }
}
