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
        long recordedForMs, recordedAtMostMs, beforePauseMs, pauseAtLeastMs, pauseAtMostMs, afterPauseMs;
        await using (var server = await ServerProcess.StartAsync(data, sipPort))
        {
            using var admin = server.Admin();
            await RecordedCall.ArrangeAsync(admin, callId);
            var dialing = Stopwatch.GetTimestamp();
            using var client = sipp.Start(sipPort, callId, durationMs: 30_000);
            await RecordedCall.RecordingAsync(admin, callId, status => status == "recording");
            var listed = Stopwatch.GetTimestamp();

            // Pacing the call (where the payment window falls), not waiting for anything.
            await Task.Delay(1000);
            var opening = Stopwatch.GetTimestamp();
            await RecordedCall.EventAsync(admin, callId, 3, "payment-screen-opened");
            var opened = Stopwatch.GetTimestamp(); // the request returns with the pause in force
            await Task.Delay(1000);
            var closing = Stopwatch.GetTimestamp();
            await RecordedCall.EventAsync(admin, callId, 4, "payment-screen-closed");
            var closed = Stopwatch.GetTimestamp();
            await Task.Delay(1500);

            // The moment of the SIGKILL, not of the process being reaped (waiting for that takes a while).
            var killing = Stopwatch.GetTimestamp();
            await server.KillAsync();
            client.Kill();

            // The recording began before it was listed and after sipp was started.
            (recordedForMs, recordedAtMostMs) = (Ms(listed, killing), Ms(dialing, killing));
            (beforePauseMs, pauseAtLeastMs, pauseAtMostMs, afterPauseMs) = (Ms(listed, opening), Ms(opened, closing), Ms(opening, closed), Ms(closed, killing));
        }

        await using var restarted = await ServerProcess.StartAsync(data, sipPort);
        using var reader = restarted.Admin();
        var recording = await RecordedCall.RecordingAsync(reader, callId, status => status != "recording");

        Assert.Equal("incomplete", recording["status"]!.GetValue<string>());
        Assert.False(recording["complete"]!.GetValue<bool>());
        // Lost at most what waited in memory: the reorder window, one flush interval and a tick. Never more than was recorded.
        var duration = recording["durationMs"]!.GetValue<long>();
        Assert.True(
            duration >= recordedForMs - 1000 && duration <= recordedAtMostMs,
            $"{duration} ms kept of {recordedForMs}-{recordedAtMostMs} ms recorded: {recording.ToJsonString()}");
        var paused = Assert.Single(recording["paused"]!.AsArray())!;
        Assert.Equal("payment-screen", paused["cause"]!.GetValue<string>());
        var (pauseStart, pauseEnd) = (paused["startMs"]!.GetValue<long>(), paused["endMs"]!.GetValue<long>());
        // As long as the test measured the events apart (event times are whole ms, placed by the wall clock).
        Assert.True(0 < pauseStart && pauseStart < pauseEnd && pauseEnd < duration, $"pause {pauseStart}-{pauseEnd} ms in {duration} ms");
        Assert.InRange(pauseEnd - pauseStart, pauseAtLeastMs - 20, pauseAtMostMs + 20);

        var audio = await reader.GetByteArrayAsync(recording["audio"]!.GetValue<string>());
        Assert.Equal(recording["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(audio)));
        var channels = await sipp.DecodeAsync(audio, 2);
        Assert.Equal(duration * 8, channels[0].Length, tolerance: 8);
        RecordedCall.AssertExactlySilent(channels, pauseStart, pauseEnd);
        // The caller talked (sipp streams from its ACK on) from the recording being listed to the pause, and after the pause
        // until the kill, less what the kill may lose: at least half of each is there, wherever the machine's speed put its edges.
        RecordedCall.AssertToneFor(channels[0], CallerHz, 600, 0, pauseStart, atLeastMs: beforePauseMs / 2);
        RecordedCall.AssertToneFor(channels[0], CallerHz, 600, pauseEnd, duration, atLeastMs: Math.Min(duration - pauseEnd, afterPauseMs) / 2);
        Directory.Delete(data, recursive: true);
    }

    private static long Ms(long from, long to) => SippRecordingTests.Ms(from, to);
}
