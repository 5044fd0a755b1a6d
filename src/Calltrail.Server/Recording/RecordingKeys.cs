using System.Security.Cryptography;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Server.Recording;

/// <summary>
/// The master keys that wrap each recording's own key. From configuration (<c>Recorder:Keys:&lt;id&gt;</c>
/// = 32 bytes in base64, <c>Recorder:ActiveKey</c> = the id new recordings use); with none configured, a
/// key is generated once into the data directory so the service records out of the box — fine for a
/// trial, but production keeps its keys in configuration (see docs/recorder.md, rotation).
/// </summary>
internal static partial class RecordingKeys
{
    public const string GeneratedFile = "recording-key";

    public static RecordingKeyRing Load(IConfiguration configuration, string dataDirectory, ILogger logger)
    {
        var section = configuration.GetSection("Recorder:Keys");
        var keys = section.GetChildren().ToDictionary(k => k.Key, k => Decode(k.Key, k.Value), StringComparer.Ordinal);
        if (keys.Count > 0)
        {
            var active = configuration["Recorder:ActiveKey"] is { Length: > 0 } named ? named
                : keys.Count == 1 ? keys.Keys.Single()
                : throw new InvalidOperationException(
                    $"Recorder:ActiveKey is not set, and Recorder:Keys holds {keys.Count} keys ({string.Join(", ", keys.Keys)}): set Recorder:ActiveKey to the id new recordings use.");
            if (!keys.ContainsKey(active))
            {
                throw new InvalidOperationException($"Recorder:ActiveKey '{active}' is not one of Recorder:Keys ({string.Join(", ", keys.Keys)}).");
            }

            return new RecordingKeyRing(active, keys);
        }

        var (id, key) = GeneratedKey(Path.Combine(dataDirectory, GeneratedFile), logger);
        return new RecordingKeyRing(id, [new(id, key)]);
    }

    private static byte[] Decode(string id, string? value)
    {
        try
        {
            var key = Convert.FromBase64String(value ?? "");
            return key.Length == 32 ? key : throw new InvalidOperationException($"Recorder:Keys:{id} must be 32 bytes in base64 (AES-256); it is {key.Length} bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Recorder:Keys:{id} is not base64.");
        }
    }

    private static (string Id, byte[] Key) GeneratedKey(string file, ILogger logger)
    {
        if (!File.Exists(file))
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(file)!);
            var line = $"generated {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
            // Created 0600, not made so afterwards: no moment exists when another user could read the key.
            using (var stream = new FileStream(file, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096)))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(line + "\n");
            }

            LogGenerated(logger, file);
        }

        var parts = File.ReadAllText(file).Trim().Split(' ', 2);
        return parts.Length == 2 ? (parts[0], Decode(parts[0], parts[1])) : throw new InvalidOperationException($"{file} should hold '<key id> <base64 key>'.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Recorder:Keys configured: recordings are encrypted with a key generated in {File}. Back it up, or configure keys (docs/recorder.md).")]
    private static partial void LogGenerated(ILogger logger, string file);
}
