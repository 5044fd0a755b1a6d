using System.Diagnostics;
using System.Security.Cryptography;
using Calltrail.Server.Tests.Support;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// The server killed with SIGKILL in the middle of a recorded call: after a restart the recording is
/// there up to the crash, playable, marked incomplete, its payment pause listed and silent.
/// </summary>
public sealed class RecorderCrashTests
{
    private const int CallerHz = 1000;

    [Fact]
    public async Task A_recording_cut_by_SIGKILL_is_kept_up_to_the_crash_and_marked_incomplete()
    {
        var data = Path.Combine(Path.GetTempPath(), $"calltrail-crash-{Guid.NewGuid():N}");
        var sipPort = SippPeer.FreeUdpPort();
        using var sipp = new SippPeer();
        await sipp.WriteCallerToneAsync(CallerHz, seconds: 30);
        var callId = $"crash-{Guid.NewGuid():N}";
        long recordedForMs;
        await using (var server = await ServerProcess.StartAsync(data, sipPort))
        {
            using var admin = server.Admin();
            await RecordedCall.ArrangeAsync(admin, callId);
            using var client = sipp.Start(sipPort, callId, durationMs: 30_000);
            await RecordedCall.RecordingAsync(admin, callId, status => status == "recording");
            var clock = Stopwatch.StartNew();
            await Task.Delay(1000);
            await RecordedCall.EventAsync(admin, callId, 3, "payment-screen-opened");
            await Task.Delay(1000);
            await RecordedCall.EventAsync(admin, callId, 4, "payment-screen-closed");
            await Task.Delay(1500);

            // The moment of the SIGKILL, not of the process being reaped (waiting for that takes a while).
            recordedForMs = clock.ElapsedMilliseconds;
            await server.KillAsync();
            client.Kill();
        }

        await using var restarted = await ServerProcess.StartAsync(data, sipPort);
        using var reader = restarted.Admin();
        var recording = await RecordedCall.RecordingAsync(reader, callId, status => status != "recording");

        Assert.Equal("incomplete", recording["status"]!.GetValue<string>());
        Assert.False(recording["complete"]!.GetValue<bool>());
        // Lost at most what waited in memory: the reorder window, one flush interval and a tick.
        var duration = recording["durationMs"]!.GetValue<long>();
        Assert.True(
            duration >= recordedForMs - 1000 && duration <= recordedForMs + 500,
            $"{duration} ms kept of about {recordedForMs} ms recorded: {recording.ToJsonString()}");
        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        var (pauseStart, pauseEnd) = (paused["startMs"]!.GetValue<long>(), paused["endMs"]!.GetValue<long>());
        Assert.InRange(pauseEnd - pauseStart, 800, 1300);

        var audio = await reader.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        Assert.Equal(duration * 8, channels[0].Length, tolerance: 8);
        RecordedCall.AssertExactlySilent(channels, pauseStart, pauseEnd);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: 200, toMs: pauseStart - 100);
        RecordedCall.AssertTone(channels[0], CallerHz, 600, fromMs: pauseEnd + 100, toMs: Math.Min(duration, pauseEnd + 600));
        Directory.Delete(data, recursive: true);
    }
}
