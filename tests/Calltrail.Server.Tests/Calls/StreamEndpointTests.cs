using System.Text.Json.Nodes;
using Calltrail.Live;
using Calltrail.Server.Calls;
using Calltrail.Server.Tests.Support;
using Calltrail.Settings;
using Microsoft.Extensions.DependencyInjection;
using static Calltrail.Server.Tests.Calls.CallEvents;

namespace Calltrail.Server.Tests.Calls;

public sealed class StreamEndpointTests
{
    [Fact]
    public async Task The_agents_desktop_is_prompted_to_announce_and_told_when_the_payment_screen_pauses_the_recording()
    {
        using var server = new TestServer();
        var settings = OrganizationSettings.Default with { ContactCenter = ContactCenterSettings.Default with { AnnounceRecording = true } };
        await UseSettingsAsync(server, settings, new Dictionary<string, Calltrail.Calls.Employee>());
        await server.AddTenantAsync("north");
        var client = server.Admin();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await client.GetStreamAsync("/api/desktop/events?employee=ana", cancel.Token);
        using var reader = new StreamReader(stream);
        Assert.True((await ServerSentEvents.NextAsync(reader, cancel.Token))["subscribed"]!.GetValue<bool>());

        await SendAsync(client, Started("c1"), Answered("c1"));
        await SendAsync(client, At("c1", 3, LiveEventType.PaymentScreenOpened, 20_000));

        var first = await ServerSentEvents.NextAsync(reader, cancel.Token);
        var second = await ServerSentEvents.NextAsync(reader, cancel.Token);
        Assert.Equal(("announce-recording", "c1"), (first["type"]!.GetValue<string>(), first["callId"]!.GetValue<string>()));
        Assert.Equal(("recording-paused", "payment-screen"), (second["type"]!.GetValue<string>(), second["cause"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_recorder_is_told_to_start_pause_resume_and_stop_as_the_call_goes()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        var notifications = server.Services.GetRequiredService<CallNotifications>();
        using var subscription = notifications.SubscribeRecorder();
        var client = server.Admin();

        await SendAsync(client, Started("c1"), Answered("c1"));
        await SendAsync(client, At("c1", 3, LiveEventType.PaymentScreenOpened, 20_000));
        await SendAsync(client, At("c1", 4, LiveEventType.PaymentScreenClosed, 50_000));
        await SendAsync(client, At("c1", 5, LiveEventType.Ended, 60_000));

        var actions = new List<string>();
        while (subscription.Reader.TryRead(out var instruction))
        {
            actions.Add(instruction.Action + (instruction.Cause is null ? "" : $":{instruction.Cause}"));
        }

        Assert.Equal(["start", "pause:payment-screen", "resume", "stop"], actions);
    }

    [Fact]
    public async Task A_desktop_must_say_whose_it_is()
    {
        using var server = new TestServer();
        using var response = await server.Admin().GetAsync("/api/desktop/events");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
