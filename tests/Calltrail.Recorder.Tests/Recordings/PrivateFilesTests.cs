using System.Security.Cryptography;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;
using Calltrail.TestKit.Files;

namespace Calltrail.Recorder.Tests.Recordings;

/// <summary>Recordings, their folders and their redaction journals are private from the moment they exist, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"calltrail-private-{Guid.NewGuid():N}");

    [Fact]
    public void Create_ARecordingAndItsJournal_AreMade0600_InFolders0700()
    {
        Assert.True(FileModes.UmaskLetsOthersRead(), $"umask {Convert.ToString(FileModes.Umask(), 8)} would hide a file created without its mode");
        var files = new RecordingFiles(Path.Combine(root, "recordings"), new RecordingKeyRing("k", [KeyValuePair.Create("k", RandomNumberGenerator.GetBytes(RecordingKeyRing.KeySize))]));
        var id = Guid.NewGuid();
        var started = new RecordingStarted(
            id.ToString("D"), "call-1", null, "rs-1", DateTimeOffset.UnixEpoch, [new ChannelInfo(0, "1", null, null)], files.RelativePathOf(id, DateTimeOffset.UnixEpoch));
        Directory.CreateDirectory(root, PrivateFiles.DirectoryMode);

        using (var writer = files.Create(started, 1))
        {
            writer.WriteMarker(0, MarkerKind.Start, null);
            writer.Complete(0);
        }

        RedactionJournal.Write(files.FullPath(started.File), []);

        Assert.True(RedactionJournal.Exists(files.FullPath(started.File)));
        Assert.Empty(FileModes.NotPrivate(root));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
