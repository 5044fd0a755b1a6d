using System.Security.Cryptography;
using Calltrail.Server.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Calltrail.Server.Tests.Recording;

/// <summary>Master keys from configuration, or one generated into the data directory: each bad setting named, the generated key never readable by others.</summary>
public sealed class RecordingKeysTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"calltrail-keys-{Guid.NewGuid():N}");

    [Fact]
    public void Load_SeveralKeysAndNoActiveKey_NamesTheSettingToSet()
    {
        var configuration = Configuration(("Recorder:Keys:a", Key()), ("Recorder:Keys:b", Key()));

        var refused = Assert.Throws<InvalidOperationException>(() => RecordingKeys.Load(configuration, data, NullLogger.Instance));

        Assert.Contains("Recorder:ActiveKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnActiveKeyThatIsNotConfigured_NamesBothSettings()
    {
        var configuration = Configuration(("Recorder:Keys:a", Key()), ("Recorder:ActiveKey", "z"));

        var refused = Assert.Throws<InvalidOperationException>(() => RecordingKeys.Load(configuration, data, NullLogger.Instance));

        Assert.Contains("Recorder:ActiveKey 'z'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneKeyAndNoActiveKey_UsesIt()
    {
        var ring = RecordingKeys.Load(Configuration(("Recorder:Keys:only", Key())), data, NullLogger.Instance);

        Assert.Equal("only", ring.ActiveKeyId);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Load_NoKeys_GeneratesOneThatOnlyItsOwnerCanReadOrWrite()
    {
        var ring = RecordingKeys.Load(Configuration(), data, NullLogger.Instance);

        var file = Path.Combine(data, RecordingKeys.GeneratedFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(ring.ActiveKeyId, RecordingKeys.Load(Configuration(), data, NullLogger.Instance).ActiveKeyId);
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
