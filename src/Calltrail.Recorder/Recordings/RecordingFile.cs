using System.Security.Cryptography;


namespace Calltrail.Recorder.Recordings;

/// <summary>The outcome of <see cref="RecordingFile.Rewrap"/>.</summary>
/// <summary>The outcome of <see cref="RecordingFile.Redact"/>: how much stored audio lay in the spans and was made silence.</summary>
public readonly record struct RedactResult(long RedactedFrames, int RecordsRewritten, RecordingOpenError Error, string Detail)
{
    public bool Succeeded => Error == RecordingOpenError.None;
}

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

    /// <summary>
    /// Removes stored audio inside <paramref name="spans"/> from a recording no writer has open (a
    /// finished one, or one a crash left): the records that overlap are re-encrypted in place with those
    /// frames silent under a generation the file never used, crash-safely through a
    /// <see cref="RedactionJournal"/>, and a removals record with <paramref name="removals"/> is appended.
    /// A torn tail a crash left is cut off first; a damaged file is refused, not rewritten.
    /// </summary>
    public static RedactResult Redact(string path, RecordingKeyRing keyRing, IReadOnlyList<FrameSpan> spans, IReadOnlyList<Removal> removals)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        if (!File.Exists(path))
        {
            return new RedactResult(0, 0, RecordingOpenError.NotFound, path);
        }

        RedactionJournal.Replay(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
        var header = new byte[RecordingLayout.HeaderSize];
        var dataKey = new byte[RecordingKeyRing.KeySize];
        try
        {
            var error = FileHeader.TryOpen(header.AsSpan(0, file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)), keyRing, dataKey, out var info, out var detail);
            if (error != RecordingOpenError.None || info is null)
            {
                return new RedactResult(0, 0, error, detail);
            }

            using var aes = new AesGcm(dataKey, RecordingLayout.TagSize);
            var scan = new RecordScanner(file, aes, info, verifyAudio: true);
            scan.Run();
            if (scan.Tail == RecordingTail.Damaged)
            {
                return new RedactResult(0, 0, RecordingOpenError.Damaged, scan.TailDetail);
            }

            return Rewrite(file, aes, info, scan, spans, removals);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The cipher of a file's data key, or null when the header does not open with the ring.</summary>
    internal static AesGcm? OpenCipher(string path, RecordingKeyRing keyRing)
    {
        var header = new byte[RecordingLayout.HeaderSize];
        using (var file = File.OpenRead(path))
        {
            file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var dataKey = new byte[RecordingKeyRing.KeySize];
        try
        {
            return FileHeader.TryOpen(header, keyRing, dataKey, out _, out _) == RecordingOpenError.None ? new AesGcm(dataKey, RecordingLayout.TagSize) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static RedactResult Rewrite(FileStream file, AesGcm aes, HeaderInfo info, RecordScanner scan, IReadOnlyList<FrameSpan> spans, IReadOnlyList<Removal> removals)
    {
        var generation = scan.HighestGeneration + 1;
        if (generation > RecordingLayout.MaxGeneration)
        {
            return new RedactResult(0, 0, RecordingOpenError.Damaged, "the file has been rewritten too many times");
        }

        file.SetLength(scan.ValidLength);
        using var rewriter = new RecordRewriter(aes, info.RecordingId, info.Channels);
        var rewritten = new List<RewrittenRecord>();
        long frames = 0;
        foreach (var record in scan.Records)
        {
            if (rewriter.Rewrite(file.SafeFileHandle, record, spans, generation) is { } done)
            {
                rewritten.Add(done);
                frames += spans.Sum(s => Math.Max(0, Math.Min(s.End, record.EndFrame) - Math.Max(s.Start, record.StartFrame)));
            }
        }

        if (rewritten.Count > 0)
        {
            RedactionJournal.Write(file.Name, rewritten);
            foreach (var record in rewritten)
            {
                RandomAccess.Write(file.SafeFileHandle, record.Bytes, record.Offset);
            }

            RandomAccess.FlushToDisk(file.SafeFileHandle);
            RedactionJournal.Delete(file.Name);
        }

        var payload = new byte[RecordingLayout.MaxPayload(info.Channels)];
        var length = RemovalsCodec.Encode(removals, payload);
        var removalsRecord = rewriter.Seal(new RecordHeader(RecordKind.Removals, (uint)scan.Records.Count, 0, 0, length) { Generation = generation }, payload.AsSpan(0, length));
        RandomAccess.Write(file.SafeFileHandle, removalsRecord, scan.ValidLength);
        RandomAccess.FlushToDisk(file.SafeFileHandle);
        return new RedactResult(frames, rewritten.Count, RecordingOpenError.None, string.Empty);
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
