using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Live;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Calls;
using Calltrail.TestKit.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// The check before a recording's audio is served, made against the call's plan as the database has it
/// — not against what the recorder was told: audio the plan pauses is never served, and the recording
/// is sent to be redacted.
/// </summary>
public sealed class AudioReleaseTests
{
    [Fact]
    public async Task A_recording_holding_audio_its_plan_now_pauses_is_withheld_until_it_is_redacted()
    {
        using var server = new TestServer();
        var admin = server.Admin();
        var callId = $"release-{Guid.NewGuid():N}";
        var connected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.ArrangeAsync(admin, callId, at: connected);
        var id = await StoredRecordings.ArrangeAsync(server, callId, "north", seconds: 6);
        var recording = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}"))!;
        var startedAt = DateTimeOffset.Parse(recording["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/recordings/{id}/audio")).StatusCode);

        // A payment window committed where nothing tells the recorder (as if another server took it, unheard).
        var (opened, closed) = (startedAt + 1000, startedAt + 3000);
        await server.Services.GetRequiredService<CallStore>().ApplyAsync(
            [new EventSubmission([new LiveEvent(callId, 3, LiveEventType.PaymentScreenOpened, opened), new LiveEvent(callId, 4, LiveEventType.PaymentScreenClosed, closed)], null)],
            closed);

        using (var refused = await admin.GetAsync($"/api/recordings/{id}/audio"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("pauses or does not record", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var audio = await Eventually.ValueAsync<byte[]?>(
            async () =>
            {
                using var response = await admin.GetAsync($"/api/recordings/{id}/audio");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
            },
            bytes => bytes is not null,
            "the redacted recording is served");
        using var sox = new SippPeer(); // sox decodes the WAV: not the recorder's own reading of it
        var channel = (await sox.DecodeAsync(audio!, 2))[0];
        Assert.All(channel[(int)((opened - startedAt) * 8)..(int)((closed - startedAt) * 8)], s => Assert.Equal(0, s));
        Assert.Contains(channel[..8000], s => s != 0);
        Assert.Contains(channel[(int)((closed - startedAt) * 8)..], s => s != 0);
        var after = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}"))!;
        Assert.True(after["agreesWithVerdict"]!.GetValue<bool>());
        Assert.True(Assert.Single(after["paused"]!.AsArray())!["redacted"]!.GetValue<bool>());
    }
}
