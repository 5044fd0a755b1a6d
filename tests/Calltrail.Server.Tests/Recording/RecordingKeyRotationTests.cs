using System.Security.Cryptography;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Calltrail.Server.Tests.Recording;

/// <summary>Rotating the master key: add a new active key, rewrap on start, then the old key can go.</summary>
public sealed class RecordingKeyRotationTests
{
    [Fact]
    public async Task After_a_rewrap_to_the_new_key_the_old_key_can_be_removed()
    {
        var data = Path.Combine(Path.GetTempPath(), $"calltrail-rotation-{Guid.NewGuid():N}");
        var (oldKey, newKey) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        string id;
        byte[] audio;
        using (var first = Server(data, ("old", oldKey)))
        {
            id = await StoredRecordings.ArrangeAsync(first, "call-1", tenant: null, seconds: 1);
            audio = await first.Admin().GetByteArrayAsync($"/api/recordings/{id}/audio");
        }

        using (var onlyNew = Server(data, ("new", newKey)))
        {
            // Before the rewrap, a ring without the old key cannot read the recording.
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await onlyNew.Admin().GetAsync($"/api/recordings/{id}/audio")).StatusCode);
        }

        using (var both = Server(data, ("new", newKey), ("old", oldKey), rewrap: true))
        {
            Assert.Equal(audio, await both.Admin().GetByteArrayAsync($"/api/recordings/{id}/audio"));
        }

        using (var afterwards = Server(data, ("new", newKey)))
        {
            Assert.Equal(audio, await afterwards.Admin().GetByteArrayAsync($"/api/recordings/{id}/audio"));
        }

        Directory.Delete(data, recursive: true);
    }

    /// <summary>A server on <paramref name="data"/> whose active key is the first one given.</summary>
    private static TestServer Server(string data, (string Id, string Key) active, (string Id, string Key)? also = null, bool rewrap = false) =>
        new(builder =>
        {
            builder.UseSetting("Calltrail:DataDirectory", data);
            builder.UseSetting("Recorder:ActiveKey", active.Id);
            builder.UseSetting($"Recorder:Keys:{active.Id}", active.Key);
            if (also is { } other)
            {
                builder.UseSetting($"Recorder:Keys:{other.Id}", other.Key);
            }

            builder.UseSetting("Recorder:RewrapOnStart", rewrap ? "true" : "false");
        });
}
