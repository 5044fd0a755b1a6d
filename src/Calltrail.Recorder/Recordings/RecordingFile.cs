using System.Security.Cryptography;

namespace Calltrail.Recorder.Recordings;

/// <summary>The outcome of <see cref="RecordingFile.Rewrap"/>.</summary>
public readonly record struct RewrapResult(bool Rewrapped, RecordingOpenError Error, string Detail)
{
    public bool Succeeded => Error == RecordingOpenError.None;
}

/// <summary>Operations on a whole recording file at rest.</summary>
public static class RecordingFile
{
    /// <summary>
    /// Key rotation: wraps the file's data key with the ring's active key, touching only the header.
    /// The new wrapping goes into the other key slot with a higher generation and is forced to disk;
    /// only then is the old slot wiped (and forced). Rewriting the one slot in place could be torn by a
    /// power cut and lose the key; copying to a temporary file and renaming would rewrite every byte
    /// of audio. With two slots a torn write spoils only the slot being written, which then fails
    /// authentication while the other still opens the file; a crash before the wipe leaves both
    /// slots valid, and the next rotation wipes the stale one. Not for a file a writer still appends to.
    /// </summary>
    public static RewrapResult Rewrap(string path, RecordingKeyRing keyRing)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        if (!File.Exists(path))
        {
            return new RewrapResult(false, RecordingOpenError.NotFound, path);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
        var header = new byte[RecordingLayout.HeaderSize];
        var got = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var dataKey = new byte[RecordingKeyRing.KeySize];
        try
        {
            var error = FileHeader.TryOpen(header.AsSpan(0, got), keyRing, dataKey, out var info, out var detail);
            return error != RecordingOpenError.None || info is null
                ? new RewrapResult(false, error, detail)
                : Rotate(file, header, info, keyRing, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static RewrapResult Rotate(FileStream file, byte[] header, HeaderInfo info, RecordingKeyRing keyRing, byte[] dataKey)
    {
        var rewrap = info.KeyId != keyRing.ActiveKeyId;
        if (rewrap)
        {
            FileHeader.WriteSlot(header, info.OtherSlotOffset, info.Generation + 1, keyRing, dataKey);
            WriteSlot(file, header, info.OtherSlotOffset);
        }

        // The slot not holding the active wrapping is stale: wipe it so an old key opens nothing.
        var stale = rewrap ? info.SlotOffset : info.OtherSlotOffset;
        if (FileHeader.Generation(header, stale) != 0)
        {
            header.AsSpan(stale, FileHeader.SlotSize).Clear();
            WriteSlot(file, header, stale);
        }

        return new RewrapResult(rewrap, RecordingOpenError.None, string.Empty);
    }

    private static void WriteSlot(FileStream file, byte[] header, int slotOffset)
    {
        file.Position = slotOffset;
        file.Write(header, slotOffset, FileHeader.SlotSize);
        file.Flush(flushToDisk: true);
    }
}
