using System.Net;
using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Phones;
using Calltrail.Server.Tests.Calls;
using Calltrail.Server.Tests.Support;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// What a token that reports call events can learn of a call that is not its own through the answers to
/// what it sends (issue 10, finding 1): nothing. A 409 names only the request's own field, and a 403
/// reads the same whether the call exists or not, and whoever's it is.
/// </summary>
public sealed class CrossTenantEventTests
{
    private const string SouthCall = "call-7731";

    /// <summary>Every field of the south call a leak could show.</summary>
    private static readonly string[] SouthSecrets =
        ["south", "South Roofing", "+15550177001", "+15550177900", "sven", "south-queue", "2026-09-21", ConnectAt.ToString(), (ConnectAt + 5_000).ToString()];

    [Theory]
    [InlineData("limited to north")]
    [InlineData("every tenant")]
    public async Task A_conflicting_event_on_another_tenants_call_tells_nothing_of_it(string token)
    {
        using var server = await ServerWithSouthCallAsync();
        var telephony = server.WithToken(token == "every tenant"
            ? await server.CreateTokenAsync("telephony")
            : await server.CreateTokenAsync("telephony", "north"));

        // The same sequence numbers as the south call's events, with other content, one at a time and as an array.
        using var single = await SendAsync(telephony, new LiveEvent(SouthCall, 2, LiveEventType.Answered, ConnectAt) { Employee = "nobody" });
        using var batch = await SendAsync(telephony, Started(SouthCall, tenant: "north", queue: null), Answered(SouthCall, employee: "nobody"));

        foreach (var response in new[] { single, batch })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(token == "every tenant" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden, response.StatusCode);
            foreach (var secret in SouthSecrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (token == "every tenant")
        {
            Assert.Contains($"call '{SouthCall}' sequence 2 is already stored with a different event", await single.Content.ReadAsStringAsync());
            Assert.Contains("[0]: ", await batch.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_limited_token_hears_the_same_403_for_another_tenants_call_a_call_with_no_tenant_and_no_call()
    {
        using var server = await ServerWithSouthCallAsync();
        await server.SendAsyncAsAdmin(Started("untenanted-1", tenant: null, queue: null));
        var north = server.WithToken(await server.CreateTokenAsync("telephony", "north"));

        var details = new List<string>();
        foreach (var callId in new[] { SouthCall, "untenanted-1", "never-heard-of" })
        {
            using var response = await SendAsync(north, At(callId, 7, LiveEventType.Ended, 60_000));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            details.Add((await JsonAsync(response))["detail"]!.GetValue<string>().Replace(callId, "X", StringComparison.Ordinal));
        }

        Assert.Single(details.Distinct());
        Assert.DoesNotContain("south", details[0], StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<TestServer> ServerWithSouthCallAsync()
    {
        var server = new TestServer();
        await server.AddTenantAsync("north", "North Plumbing");
        await server.AddTenantAsync("south", "South Roofing");
        var start = new LiveEvent(SouthCall, 1, LiveEventType.Started, ConnectAt)
        {
            Start = new CallStart(Direction.Inbound, PhoneNumber.FromE164("+15550177001"), PhoneNumber.FromE164("+15550177900"),
                Via.TrackingNumber, null, "south", null, "south-queue", false),
        };
        await server.SendAsyncAsAdmin(start, Answered(SouthCall, atMs: 5_000, employee: "sven"));
        return server;
    }
}
