using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;

namespace Calltrail.Server.Tests.Organization;

public class SettingsEndpointTests
{
    public static TheoryData<string> Examples => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Put_AnExamplesSettings_ThenGet_GivesThemBack(string name)
    {
        using var server = new TestServer();
        var scenario = JsonNode.Parse(File.ReadAllText(SpecExamples.Named(name).ScenarioPath))!.AsObject();
        var organization = new JsonObject { ["settings"] = scenario["settings"]?.DeepClone(), ["employees"] = scenario["employees"]?.DeepClone() };

        var put = await server.Admin().PutJsonAsync("/api/settings", organization.ToJsonString()).OkAsync();
        var exported = await server.Admin().GetJsonAsync("/api/settings");

        Assert.True((long)put["version"]! >= 1);
        var again = await server.Admin().PutJsonAsync("/api/settings", exported.ToJsonString()).OkAsync();
        Assert.Equal((long)put["version"]!, (long)again["version"]!);
        Assert.True(JsonNode.DeepEquals(exported, await server.Admin().GetJsonAsync("/api/settings")));
    }

    [Fact]
    public async Task Put_MakesTheSettingsExactlyThoseGiven()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/sales/recording", """{"record": false}""").OkAsync();
        await admin.PostJsonAsync("/api/exclusion-list", """{"number": "+15550108888"}""").OkAsync();

        await admin.PutJsonAsync("/api/settings", """
            {"settings": {"contactCenter": {"queues": {"service": {"record": false}}, "exclusionList": ["(555) 010-9999"]},
                          "fieldService": {"north": {"outbound": "never"}}},
             "employees": {"ana": {"seat": false}}}
            """).OkAsync();

        var exported = await admin.GetJsonAsync("/api/settings");
        var cc = exported["settings"]!["contactCenter"]!;
        OrganizationApi.Same("""{"service":{"record":false}}""", cc["queues"]);
        OrganizationApi.Same("""["+15550109999"]""", cc["exclusionList"]);
        Assert.Equal("never", (string?)exported["settings"]!["fieldService"]!["north"]!["outbound"]);
        OrganizationApi.Same("""{"ana":{"seat":false}}""", exported["employees"]);
        Assert.Equal("inherited", (string?)(await admin.GetJsonAsync("/api/queues/sales"))["recording"]!["source"]);
    }

    [Theory]
    [InlineData("""{"settings": {"contactCenter": {"queues": {"sales": {}}}}}""", "settings.contactCenter.queues.sales.record")]
    [InlineData("""{"settings": {"contactCenter": {"exclusionList": ["12"]}}}""", "settings.contactCenter.exclusionList[0]")]
    [InlineData("""{"settings": {"fieldService": {"north": {"inbound": "maybe"}}}}""", "settings.fieldService.north.inbound")]
    [InlineData("""{"settings": {}, "call": {"direction": "inbound"}}""", "call")]
    [InlineData("""{"employees": {"ana": {"seat": "yes"}}}""", "employees.ana.seat")]
    [InlineData("""{"settings": {"contactCenter": {"queues": {"\u0001": {"record": true}}}}}""", "settings.contactCenter.queues.\u0001")]
    [InlineData("""[]""", "(body)")]
    [InlineData("""{"settings": """, "(body)")]
    [InlineData("", "(body)")]
    public async Task Put_Invalid_Is400NamingTheField_AndChangesNothing(string body, string field)
    {
        using var server = new TestServer();

        var response = await server.Admin().PutJsonAsync("/api/settings", body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await server.Admin().GetJsonAsync("/api/settings/audit"))["entries"]!.AsArray());
    }
}
