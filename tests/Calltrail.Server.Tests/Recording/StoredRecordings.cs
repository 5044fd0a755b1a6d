using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;
using Calltrail.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>Recordings put in place directly, through the server's own files and catalog, for tests of what is done with them.</summary>
internal static class StoredRecordings
{
    /// <summary>A finished recording of a 440 Hz tone on channel 0, written the way the recorder writes one.</summary>
    public static async Task<string> ArrangeAsync(TestServer server, string callId, string? tenant, int seconds)
    {
        var files = server.Services.GetRequiredService<RecordingFiles>();
        var catalog = server.Services.GetRequiredService<IRecordingCatalog>();
        var id = Guid.NewGuid();
        var startedAt = DateTimeOffset.UtcNow;
        var started = new RecordingStarted(
            id.ToString("D"), callId, tenant, "rs-1", startedAt, [new ChannelInfo(0, "1", "sip:caller@example.com", "Caller"), new ChannelInfo(1, "2", null, null)],
            files.RelativePathOf(id, startedAt));
        await catalog.StartedAsync(started, CancellationToken.None);
        using (var writer = files.Create(started, 2))
        {
            writer.WriteMarker(0, MarkerKind.Start, null);
            var frames = new short[seconds * 8000 * 2];
            for (var f = 0; f < seconds * 8000; f++)
            {
                frames[f * 2] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * f / 8000.0));
            }

            writer.WriteAudio(0, frames);
            writer.Complete(seconds * 8000);
        }

        await catalog.FinishedAsync(files.Finished(started), CancellationToken.None);
        return started.Id;
    }
}
