using System.Globalization;
using System.Text.Json.Nodes;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Calltrail.TestKit.Waiting;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// Two server processes on one PostgreSQL database: the call's events go to one, the SIPREC session to
/// the other. The recording server hears the payment screen through the database (NOTIFY, then the
/// plan read back) and the window is silent in the WAV, by the events' own times.
/// </summary>
public sealed class TwoServerRecordingTests
{
    private const int CallerHz = 1000;

    [Fact]
    public async Task A_payment_window_reported_to_another_server_is_silent_in_the_recording()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        var settings = new[] { ("Database:Provider", database.ProviderSetting), ("Database:ConnectionString", database.ConnectionString) };
        var (eventsData, recordingData) = (TempDirectory(), TempDirectory());
        await using var events = await ServerProcess.StartAsync(eventsData, SippPeer.FreeUdpPort(), settings);
        var sipPort = SippPeer.FreeUdpPort();
        await using var recording = await ServerProcess.StartAsync(recordingData, sipPort, settings);
        await ListeningAsync(recording.Admin());
        using var sipp = new SippPeer();
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 10);
        var callId = $"two-servers-{Guid.NewGuid():N}";
        var admin = events.Admin();
        await RecordedCall.ArrangeAsync(admin, callId);

        using var client = sipp.StartUntilHungUp(sipPort, callId);
        var row = await RecordedCall.RecordingAsync(recording.Admin(), callId, status => status == "recording");
        await Task.Delay(1500); // pacing: audio before the payment screen
        var opened = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 3, "payment-screen-opened", opened));
        await Task.Delay(1500); // pacing: the screen is open
        var closed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordedCall.PostAsync(admin, RecordedCall.Event(callId, 4, "payment-screen-closed", closed));
        await Task.Delay(1000); // pacing: audio after it
        await sipp.HangUpAsync(row["sessionId"]!.GetValue<string>());
        await client.WaitForExitAsync();

        var finished = await RecordedCall.RecordingAsync(recording.Admin(), callId, status => status != "recording");
        var startedAt = DateTimeOffset.Parse(finished["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var (from, to) = (opened - startedAt, closed - startedAt);
        var channels = await sipp.DecodeAsync(await recording.Admin().GetByteArrayAsync(finished["audio"]!.GetValue<string>()), 2);
        RecordedCall.AssertExactlySilent(channels, from, to);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: 100, toMs: from - 100);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: to + 100, toMs: to + 600);
        var paused = Assert.Single(finished["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        Assert.True(finished["agreesWithVerdict"]!.GetValue<bool>());
    }

    /// <summary>Until /health says the server hears other servers' plan changes.</summary>
    private static Task ListeningAsync(HttpClient client) => Eventually.TrueAsync(async () =>
        JsonNode.Parse(await client.GetStringAsync("/health"))!["planListener"]?["connected"]?.GetValue<bool>() == true,
        "the recording server never heard plan changes");

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calltrail-two-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
