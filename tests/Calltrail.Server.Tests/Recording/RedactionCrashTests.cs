using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// SIGKILL while a late payment window is being redacted — from a recording still being written, or from
/// a finished one — at a spread of moments after the event was committed. After a restart the recording
/// is never served with the window's audio: a request is refused while the redaction is owed, and the
/// served WAV is silent over the window by the events' own times once it is made.
/// </summary>
public sealed class RedactionCrashTests
{
    private const int CallerHz = 1000;

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 3)]
    [InlineData(true, 0)]
    [InlineData(true, 3)]
    public async Task A_SIGKILL_during_a_late_redaction_never_leaves_the_window_served(bool afterHangup, int killAfterMs)
    {
        var data = Path.Combine(Path.GetTempPath(), $"calltrail-redaction-crash-{Guid.NewGuid():N}");
        var sipPort = SippPeer.FreeUdpPort();
        using var sipp = new SippPeer();
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 30);
        var callId = $"redaction-crash-{Guid.NewGuid():N}";
        long opened, closed;
        await using (var server = await ServerProcess.StartAsync(data, sipPort))
        {
            using var admin = server.Admin();
            var connected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await RecordedCall.ArrangeAsync(admin, callId, at: connected);
            using var client = sipp.StartUntilHungUp(sipPort, callId);
            var row = await RecordedCall.RecordingAsync(admin, callId, status => status == "recording");
            await Task.Delay(7500); // pacing: seven and a half seconds of call, the window stored before anyone hears of the screen
            if (afterHangup)
            {
                await sipp.HangUpAsync(row["sessionId"]!.GetValue<string>());
                await client.WaitForExitAsync();
                await RecordedCall.RecordingAsync(admin, callId, status => status != "recording");
            }

            var began = DateTimeOffset.Parse(row["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            (opened, closed) = (began + 1000, began + 5000);
            await RecordedCall.PostAsync(admin, $"[{RecordedCall.Event(callId, 3, "payment-screen-opened", opened)}, {RecordedCall.Event(callId, 4, "payment-screen-closed", closed)}]");
            await Task.Delay(killAfterMs); // where the kill lands in the redaction; the invariant holds for any
            await server.KillAsync();
            if (!client.HasExited)
            {
                client.Kill();
            }
        }

        await using var restarted = await ServerProcess.StartAsync(data, sipPort);
        using var reader = restarted.Admin();
        var recording = await RecordedCall.RecordingAsync(reader, callId, status => status != "recording");
        var audio = await Eventually.ValueAsync<byte[]?>(
            async () =>
            {
                using var response = await reader.GetAsync(recording["audio"]!.GetValue<string>());
                // Withheld (409) while the redaction is owed; served only once it is made.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{response.StatusCode}");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
            },
            bytes => bytes is not null,
            "the recording's audio is served again");

        var startedAt = DateTimeOffset.Parse(recording["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var channels = await sipp.DecodeAsync(audio!, 2);
        Assert.True(channels[0].Length / 8 > closed - startedAt + 900, "the recording outlasts the window");
        RecordedCall.AssertExactlySilent(channels, opened - startedAt, closed - startedAt);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: closed - startedAt + 100, toMs: closed - startedAt + 900);
        var after = JsonNode.Parse(await reader.GetStringAsync($"/api/recordings/{recording["id"]!.GetValue<string>()}"))!;
        Assert.True(after["agreesWithVerdict"]!.GetValue<bool>(), after.ToJsonString());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "recordings"), "*.redact", SearchOption.AllDirectories));
        Directory.Delete(data, recursive: true);
    }
}
