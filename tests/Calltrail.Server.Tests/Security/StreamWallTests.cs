using System.Text.Json.Nodes;
using Calltrail.Server.Access;
using Calltrail.Server.Tests.Support;
using Calltrail.Settings;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// The threat "a tenant-limited listener hears another tenant's calls on a live stream". Messages are published
/// in commit order, so once the listener has heard of north's call (committed after south's), it would already
/// have heard of south's had the filter let it through: no waiting for something not to happen.
/// </summary>
public class StreamWallTests
{
    [Fact]
    public async Task RecorderInstructions_ForANorthLimitedToken_CarryNoSouthCall()
    {
        using var server = await ServerWithTenantsAsync();
        var heard = await HearUntilNorthAsync(server, Roles.Telephony, "/api/recorder/instructions", "ana");

        Assert.DoesNotContain("south-call", heard);
        Assert.Contains("north-call", heard);
    }

    [Fact]
    public async Task DesktopMessages_ForANorthLimitedToken_CarryNoSouthCall()
    {
        using var server = await ServerWithTenantsAsync();
        var settings = OrganizationSettings.Default with { ContactCenter = ContactCenterSettings.Default with { AnnounceRecording = true } };
        await UseSettingsAsync(server, settings, new Dictionary<string, Calltrail.Calls.Employee>());

        var heard = await HearUntilNorthAsync(server, Roles.Supervisor, "/api/desktop/events?employee=ana", "ana");

        Assert.DoesNotContain("south-call", heard);
        Assert.Contains("north-call", heard);
    }

    private static async Task<TestServer> ServerWithTenantsAsync()
    {
        var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("zsouth");
        return server;
    }

    /// <summary>Opens the stream as a north-limited <paramref name="role"/>, plays south's call then north's, and returns the call ids heard up to north's.</summary>
    private static async Task<List<string>> HearUntilNorthAsync(TestServer server, string role, string url, string employee)
    {
        var listener = server.WithToken(await server.CreateTokenAsync(role, "north"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await listener.GetStreamAsync(url, cancel.Token);
        using var reader = new StreamReader(stream);
        Assert.True((await ServerSentEvents.NextAsync(reader, cancel.Token))["subscribed"]!.GetValue<bool>());

        var admin = server.Admin();
        (await SendAsync(admin, Started("south-call", tenant: "zsouth"), Answered("south-call", employee: employee))).EnsureSuccessStatusCode();
        (await SendAsync(admin, Started("north-call", tenant: "north"), Answered("north-call", employee: employee))).EnsureSuccessStatusCode();

        var heard = new List<string>();
        while (!heard.Contains("north-call"))
        {
            heard.Add((await ServerSentEvents.NextAsync(reader, cancel.Token))["callId"]!.GetValue<string>());
        }

        return heard;
    }
}
