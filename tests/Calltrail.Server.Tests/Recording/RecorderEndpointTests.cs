using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Recorder;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>GET /api/recorder/sessions: administrators only, and each open session's call, plan and state as the recorder holds them.</summary>
public sealed class RecorderEndpointTests
{
    [Fact]
    public async Task Sessions_are_for_administrators_and_show_the_plan_in_force_and_the_state()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        await server.AddTenantAsync("south");
        var callId = $"sessions-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(admin, callId);
        await sipp.WriteCallerToneAsync(1000, seconds: 10);
        var recorder = server.Services.GetRequiredService<SiprecServer>();
        using var client = sipp.StartUntilHungUp(recorder.SipPort, callId);
        var session = await SippRecordingTests.SessionAsync(recorder);

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous().GetAsync("/api/recorder/sessions")).StatusCode);
        foreach (var role in new[] { "manager", "supervisor", "agent", "telephony" })
        {
            var other = server.WithToken(await server.CreateTokenAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/recorder/sessions")).StatusCode);
        }

        var recording = await Eventually.ValueAsync(
            async () => await OnlySessionAsync(admin, callId),
            s => s?["state"]?.GetValue<string>() == "recording",
            "the session linked to its call and recording");
        Assert.Equal(session.SipCallId, recording!["sipCallId"]!.GetValue<string>());
        Assert.Equal("north", recording["tenant"]!.GetValue<string>());
        Assert.Empty(recording["candidates"]!.AsArray());
        Assert.Equal(0, recording["packetsRefused"]!.GetValue<long>()); // sipp sends from loopback, which is allowed
        var version = recording["planVersion"]!.GetValue<long>();
        Assert.True(version >= 1);
        var applied = At(recording["planAppliedAt"]!);
        Assert.True(At(recording["stateSince"]!) <= applied, "the state changed while a plan was applied, not after");

        // In-process, the plan is applied before the event's 200: the pause is in force when the POST returns.
        await RecordedCall.EventAsync(admin, callId, 3, "payment-screen-opened");
        var paused = await OnlySessionAsync(admin, callId);
        Assert.Equal("paused", paused!["state"]!.GetValue<string>());
        Assert.True(paused["planVersion"]!.GetValue<long>() > version);
        Assert.True(At(paused["planAppliedAt"]!) >= applied);
        Assert.Equal(paused["recordingId"]!.GetValue<string>(), recording["recordingId"]!.GetValue<string>());

        var everything = JsonNode.Parse(await admin.GetStringAsync("/api/recorder/sessions"))!["sessions"]!.AsArray();
        Assert.Single(everything);
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync("/api/recorder/sessions?call=another"))!["sessions"]!.AsArray());
        var southOnly = server.WithToken(await server.CreateTokenAsync("administrator", "south"));
        Assert.Empty(JsonNode.Parse(await southOnly.GetStringAsync("/api/recorder/sessions"))!["sessions"]!.AsArray());

        await sipp.HangUpAsync(session.SipCallId);
        await client.WaitForExitAsync();
        await Eventually.TrueAsync(async () => (await OnlySessionAsync(admin, callId)) is null, "the session gone after BYE");
    }

    private static async Task<JsonNode?> OnlySessionAsync(HttpClient admin, string callId) =>
        JsonNode.Parse(await admin.GetStringAsync($"/api/recorder/sessions?call={callId}"))!["sessions"]!.AsArray().SingleOrDefault();

    private static DateTimeOffset At(JsonNode value) => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
