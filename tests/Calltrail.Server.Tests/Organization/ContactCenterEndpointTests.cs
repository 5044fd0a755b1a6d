using System.Net;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Organization;

public class ContactCenterEndpointTests
{
    [Fact]
    public async Task Get_NothingConfigured_ShowsTheScenarioFormatsDefaults()
    {
        using var server = new TestServer();

        var settings = await server.Admin().GetJsonAsync("/api/settings/contact-center");

        OrganizationApi.Same(
            """
            {"defaults":{"queue":{"record":true},"user":{"inbound":true,"outbound":true}},"transfers":{"record":true},
             "announceRecording":false,"strictPaymentPause":false,"queues":[],"employees":[]}
            """,
            settings);
    }

    [Fact]
    public async Task Patch_ChangesOnlyWhatItNames_AndShowsEveryQueueAndEmployeeWithItsSource()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        await admin.PutJsonAsync("/api/queues/sales", """{"name": "Sales"}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/billing", """{"name": "Billing"}""").OkAsync();
        await admin.PutJsonAsync("/api/queues/billing/recording", """{"record": true}""").OkAsync();
        await admin.PutJsonAsync("/api/employees/ana", """{"name": "Ana"}""").OkAsync();

        var settings = await admin.PatchJsonAsync("/api/settings/contact-center",
            """{"defaults": {"queue": {"record": false}}, "transfers": {"record": false}, "strictPaymentPause": true}""").OkAsync();

        OrganizationApi.Same(
            """
            {"defaults":{"queue":{"record":false},"user":{"inbound":true,"outbound":true}},"transfers":{"record":false},
             "announceRecording":false,"strictPaymentPause":true,
             "queues":[{"id":"billing","name":"Billing","recording":{"record":true,"source":"custom"}},
                       {"id":"sales","name":"Sales","recording":{"record":false,"source":"inherited"}}],
             "employees":[{"id":"ana","name":"Ana","recording":{"inbound":true,"outbound":true,"source":"inherited"}}]}
            """,
            settings);
    }

    [Theory]
    [InlineData("""{"defaults": {"queue": {"record": "no"}}}""", "defaults.queue.record")]
    [InlineData("""{"defaults": {"user": {"inbound": 1}}}""", "defaults.user.inbound")]
    [InlineData("""{"defaults": {"user": {"inbuond": true}}}""", "defaults.user.inbuond")]
    [InlineData("""{"transfers": true}""", "transfers")]
    [InlineData("""{"announceRecording": "on"}""", "announceRecording")]
    [InlineData("""{"queues": []}""", "queues")]
    public async Task Patch_Invalid_Is400NamingTheField_AndChangesNothing(string body, string field)
    {
        using var server = new TestServer();

        var response = await server.Admin().PatchJsonAsync("/api/settings/contact-center", $$"""{"strictPaymentPause": true, {{body[1..]}}""");

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.False((bool)(await server.Admin().GetJsonAsync("/api/settings/contact-center"))["strictPaymentPause"]!);
    }
}
