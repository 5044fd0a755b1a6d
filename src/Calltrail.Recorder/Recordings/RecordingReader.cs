using System.Security.Cryptography;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// Opens a recording file: the header with the key ring, then every record in order until the first
/// that is missing, torn, malformed or fails authentication. What came before it is the recording.
/// Never throws on file contents; a missing file is <see cref="RecordingOpenError.NotFound"/>.
/// </summary>
public static class RecordingReader
{
    /// <summary>
    /// Opens the file. With <paramref name="verifyAudio"/> (the default) every audio record is decrypted
    /// once to authenticate it, so the valid prefix and <see cref="RecordingContents.EndFrame"/> are
    /// exact. Without it audio is only authenticated when read, and a damaged audio record makes the
    /// WAV stream throw <see cref="InvalidDataException"/> there; markers are always verified.
    /// </summary>
    public static RecordingOpenResult Open(string path, RecordingKeyRing keyRing, bool verifyAudio = true)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new RecordingOpenResult(null, RecordingOpenError.NotFound, path);
        }

        using (file)
        {
            return Read(file, path, keyRing, verifyAudio);
        }
    }

    private static RecordingOpenResult Read(FileStream file, string path, RecordingKeyRing keyRing, bool verifyAudio)
    {
        var header = new byte[RecordingLayout.HeaderSize];
        var dataKey = new byte[RecordingKeyRing.KeySize];
        var got = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var error = FileHeader.TryOpen(header.AsSpan(0, got), keyRing, dataKey, out var info, out var detail);
        if (error != RecordingOpenError.None || info is null)
        {
            return new RecordingOpenResult(null, error, detail);
        }

        using var aes = new AesGcm(dataKey, RecordingLayout.TagSize);
        var scan = new RecordScanner(file, aes, info, verifyAudio);
        scan.Run();
        var contents = new RecordingContents(path, info, dataKey, scan.Records, scan.Markers, scan.Tail, scan.ValidLength, file.Length, scan.TailDetail,
            scan.Removals, scan.HighestGeneration);
        return new RecordingOpenResult(contents, RecordingOpenError.None, string.Empty);
    }
}
