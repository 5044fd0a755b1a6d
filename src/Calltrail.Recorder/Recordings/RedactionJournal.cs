using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Calltrail.Recorder.Recordings;

/// <summary>What finishing an interrupted redaction found.</summary>
public enum JournalOutcome
{
    /// <summary>No redaction was interrupted.</summary>
    None,

    /// <summary>A whole journal: its records were written into the file again.</summary>
    Replayed,

    /// <summary>A torn journal (the crash came while it was written): nothing had been overwritten; the redaction must be made again.</summary>
    Discarded,
}

/// <summary>One record as a redaction rewrites it: where it lies in the file, and its new bytes (header, ciphertext, tag).</summary>
internal sealed record RewrittenRecord(long Offset, byte[] Bytes);

/// <summary>
/// Makes an in-place redaction crash-safe. Before any record is overwritten, the records' new bytes —
/// already encrypted, holding silence where the audio is removed and nothing of what is removed — go
/// to <c>&lt;file&gt;.redact</c>, forced to disk with a checksum over it. Then the records are
/// overwritten in place and the file forced; then the journal is deleted. A crash (or kill -9) before
/// the journal is whole leaves the old records and a torn journal, which is discarded (the call's plan
/// still asks for the redaction, and it is made again); a crash after leaves a whole journal, which is
/// written again before the file is read or served (<see cref="Replay"/>): the same bytes, so doing it
/// twice is harmless. Layout: magic "CTREDACT", count u32, then per record offset i64, length u32,
/// bytes; then SHA-256 of everything before it.
/// </summary>
internal static class RedactionJournal
{
    public const string Suffix = ".redact";
    private static ReadOnlySpan<byte> Magic => "CTREDACT"u8;

    public static string PathOf(string recordingPath) => recordingPath + Suffix;

    public static void Write(string recordingPath, IReadOnlyList<RewrittenRecord> records)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)records.Count);
        buffer.Write(number[..4]);
        foreach (var record in records)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, record.Offset);
            buffer.Write(number);
            BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)record.Bytes.Length);
            buffer.Write(number[..4]);
            buffer.Write(record.Bytes);
        }

        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        var path = PathOf(recordingPath);
        using (var file = new FileStream(path, Files.PrivateFiles.Options(FileMode.Create, FileAccess.Write, FileShare.None, 1)))
        {
            file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            file.Flush(flushToDisk: true);
        }

        SyncDirectory(path);
    }

    /// <summary>The journal's records, or null when there is none or it is torn (it never became whole, so nothing was overwritten).</summary>
    public static List<RewrittenRecord>? Read(string recordingPath)
    {
        var path = PathOf(recordingPath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        const int hash = 32;
        if (bytes.Length < Magic.Length + 4 + hash || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - hash)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - hash)))
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Magic.Length));
        var records = new List<RewrittenRecord>();
        var at = Magic.Length + 4;
        for (var i = 0; i < count; i++)
        {
            var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8));
            records.Add(new RewrittenRecord(offset, bytes.AsSpan(at + 12, length).ToArray()));
            at += 12 + length;
        }

        return records;
    }

    public static bool Exists(string recordingPath) => File.Exists(PathOf(recordingPath));

    /// <summary>
    /// Finishes a redaction a crash interrupted: a whole journal is written into the file again and
    /// deleted; a torn one is deleted. Each journal record must land on a record of the same shape
    /// (kind, index, start, frames, length), so a journal never writes into the wrong place.
    /// </summary>
    /// <returns>Whether there was a journal, and whether it was whole (replayed) or torn (discarded: the redaction must be made again).</returns>
    public static JournalOutcome Replay(string recordingPath)
    {
        var records = Read(recordingPath);
        if (records is not null)
        {
            using var file = File.OpenHandle(recordingPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var existing = new byte[RecordingLayout.RecordHeaderSize];
            foreach (var record in records)
            {
                if (RandomAccess.Read(file, existing, record.Offset) != existing.Length || !SameShape(existing, record.Bytes))
                {
                    throw new InvalidDataException($"The redaction journal of {recordingPath} does not fit the file at byte {record.Offset}.");
                }

                RandomAccess.Write(file, record.Bytes, record.Offset);
            }

            RandomAccess.FlushToDisk(file);
        }

        var existed = Exists(recordingPath);
        Delete(recordingPath);
        return records is not null ? JournalOutcome.Replayed : existed ? JournalOutcome.Discarded : JournalOutcome.None;
    }

    public static void Delete(string recordingPath)
    {
        var path = PathOf(recordingPath);
        if (File.Exists(path))
        {
            File.Delete(path);
            SyncDirectory(path);
        }
    }

    // Everything but the generation (bytes 1–3) must match.
    private static bool SameShape(ReadOnlySpan<byte> existing, ReadOnlySpan<byte> rewritten) =>
        rewritten.Length >= RecordingLayout.RecordHeaderSize && existing[0] == rewritten[0]
        && existing[4..RecordingLayout.RecordHeaderSize].SequenceEqual(rewritten[4..RecordingLayout.RecordHeaderSize]);

    // A file's creation or deletion is durable only once its directory is (a power cut could otherwise
    // lose the journal's name); .NET opens no directory handles, so libc does it. Best effort elsewhere.
    private static void SyncDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() || Path.GetDirectoryName(path) is not { } directory)
        {
            return;
        }

        var fd = Libc.Open(directory, 0);
        if (fd >= 0)
        {
            _ = Libc.Fsync(fd);
            _ = Libc.Close(fd);
        }
    }

    private static class Libc
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", CharSet = System.Runtime.InteropServices.CharSet.Ansi)]
        public static extern int Open(string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fsync")]
        public static extern int Fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
        public static extern int Close(int fd);
    }
}
