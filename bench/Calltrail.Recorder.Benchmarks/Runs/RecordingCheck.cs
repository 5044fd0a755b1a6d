using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Benchmarks.Media;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>What one call's recording holds, read back through the API: its status, duration and the audio frames present per channel.</summary>
public sealed record RecordingFound(string Status, long DurationMs, long CallerFrames, long AgentFrames, long[] GapsBySecond);

/// <summary>
/// Loss measured end to end: the recording as the API serves it, every non-silent frame counted. The
/// tones have no silent sample, so a sent packet is in the WAV exactly when its 160 frames are.
/// </summary>
public sealed class RecordingCheck(HttpClient api)
{
    /// <summary>Waits (up to <paramref name="patience"/>) for the call's recording to be finished, then reads its audio; null if there is none.</summary>
    public async Task<RecordingFound?> ReadAsync(string callId, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var page = JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/recordings?call={Uri.EscapeDataString(callId)}", UriKind.Relative)))!;
            var recording = page["recordings"]!.AsArray().FirstOrDefault();
            var status = recording?["status"]!.GetValue<string>();
            if (recording is not null && (status != "recording" || DateTime.UtcNow > deadline))
            {
                var (caller, agent, gaps) = await CountFramesAsync(recording["audio"]!.GetValue<string>());
                return new RecordingFound(status!, recording["durationMs"]!.GetValue<long>(), caller, agent, gaps);
            }

            if (recording is null && DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(200);
        }
    }

    private async Task<(long Caller, long Agent, long[] GapsBySecond)> CountFramesAsync(string audioPath)
    {
        var wav = await api.GetByteArrayAsync(new Uri(audioPath, UriKind.Relative));
        if (!WavHeader.TryParse(wav, out var format) || format.Channels != 2 || format.BitsPerSample != 16)
        {
            throw new InvalidOperationException($"{audioPath}: not the 16-bit stereo WAV expected");
        }

        var samples = wav.AsSpan(WavHeader.Size);
        var frames = samples.Length / 4;
        var gaps = new long[(frames / G711.SampleRate) + 1];
        return (Count(samples, 0, gaps), Count(samples, 2, gaps), gaps);
    }

    /// <summary>
    /// The channel's non-silent frames; silent frames between its first and last non-silent one (audio lost
    /// mid-stream) are added to <paramref name="gaps"/> by the second of the stream they fall in.
    /// </summary>
    private static long Count(ReadOnlySpan<byte> samples, int offset, long[] gaps)
    {
        long present = 0, first = -1, silentRun = 0;
        for (var frame = 0; (frame * 4) + offset + 2 <= samples.Length; frame++)
        {
            if (BinaryPrimitives.ReadInt16LittleEndian(samples[((frame * 4) + offset)..]) == 0)
            {
                silentRun++;
                continue;
            }

            if (first < 0)
            {
                first = frame;
            }
            else
            {
                for (var gap = frame - silentRun; gap < frame; gap++)
                {
                    gaps[(gap - first) / G711.SampleRate]++;
                }
            }

            silentRun = 0;
            present++;
        }

        return present;
    }

    /// <summary>Packets missing from a channel: frames sent that are not in the recording, in packets (never negative).</summary>
    public static double Missing(long packetsSent, long framesPresent) =>
        Math.Max(0, (packetsSent * Tone.FramesPerPacket) - framesPresent) / (double)Tone.FramesPerPacket;
}
