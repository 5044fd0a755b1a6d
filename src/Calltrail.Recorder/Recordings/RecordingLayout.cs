using System.Buffers.Binary;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// The encrypted recording file (format version 1; records with a generation, and removal records,
/// since redaction — a file without them reads as before). All integers little-endian.
/// <code>
/// Header, 256 bytes, fixed size so key rotation can rewrite it in place:
///   0   8  magic "CALLTREC"
///   8   2  format version (1)
///  10   2  channels (1–8)
///  12   4  sample rate
///  16  16  recording id (Guid, RFC 4122 byte order)
///  32 112  key slot A        144 112  key slot B
/// Key slot: generation u32 (0 = empty), key id length u8, key id (32 bytes ASCII, zero padded),
///   nonce (12), the recording's 32-byte data key encrypted by the master key (AES-GCM), tag (16), 15 zero.
///   AAD = header bytes 0–31 and the slot's first 37 bytes, so the format fields are authenticated too.
///   The valid slot with the highest generation holds the data key.
/// Records, appended from offset 256:
///   0 1 kind (1 audio, 2 marker, 3 removals)   1 3 generation (u24)   4 4 record index (0, 1, 2, … no gaps)
///   8 8 start frame   16 4 frame count   20 4 payload length   24 … ciphertext, then a 16-byte tag
///   AES-GCM under the data key; nonce = the generation as 4 bytes + the index as 8 bytes; AAD = the
///   recording id's 16 bytes + the 24 record-header bytes. The data key is fresh for every file, a
///   record is appended once at generation 0 (or at a reopened file's fresh generation), and a record
///   rewritten in place (redaction) takes a generation the file never used: no nonce is used twice.
///   Audio payload: frame count × channels interleaved PCM16. Audio records never overlap and go forward.
///   Marker payload: marker kind u8, has-cause u8 (0/1), cause UTF-8 (≤ 256 bytes); frame count 0.
///   Removals payload (what the timeline holds no audio for, and why; the last such record is the truth;
///   frame count 0, start frame 0): count u16, then per entry from i64, to i64 (i64.MaxValue: open),
///   flags u8 (1 = redacted after it was stored), late ms u32, redacted frames u32, cause length u8, cause.
///   Removals records may follow the End marker: a late redaction of a finished recording.
/// </code>
/// A crash leaves a torn last record at worst: readers keep the valid prefix.
/// </summary>
internal static class RecordingLayout
{
    public const int HeaderSize = 256;
    public const ushort FormatVersion = 1;
    public const int RecordHeaderSize = 24;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int IdSize = 16;
    public const int MaxFramesPerRecord = 8000;
    public const int MaxCauseBytes = 256;
    public const int MaxChannels = 8;
    public const int MaxSampleRate = 384_000;
    public const uint MaxGeneration = 0xFF_FFFF;

    public static ReadOnlySpan<byte> Magic => "CALLTREC"u8;

    public static int MaxPayload(int channels) => MaxFramesPerRecord * channels * 2;

    public static void WriteRecordHeader(Span<byte> destination, in RecordHeader header)
    {
        destination[..RecordHeaderSize].Clear();
        destination[0] = (byte)header.Kind;
        destination[1] = (byte)header.Generation;
        destination[2] = (byte)(header.Generation >> 8);
        destination[3] = (byte)(header.Generation >> 16);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], header.Index);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], header.StartFrame);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)header.FrameCount);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], (uint)header.PayloadLength);
    }

    /// <summary>Reads a record header and checks it is one a writer for this many channels could have made.</summary>
    public static bool TryReadRecordHeader(ReadOnlySpan<byte> source, int channels, out RecordHeader header)
    {
        var kind = (RecordKind)source[0];
        var frames = BinaryPrimitives.ReadUInt32LittleEndian(source[16..]);
        var payload = BinaryPrimitives.ReadUInt32LittleEndian(source[20..]);
        header = new RecordHeader(kind, BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[8..]), (int)Math.Min(frames, int.MaxValue), (int)Math.Min(payload, int.MaxValue))
        {
            Generation = GenerationOf(source),
        };
        var shapeFits = kind switch
        {
            RecordKind.Audio => frames is >= 1 and <= MaxFramesPerRecord && payload == frames * (uint)channels * 2,
            RecordKind.Marker => frames == 0 && payload is >= 2 and <= 2 + MaxCauseBytes,
            RecordKind.Removals => frames == 0 && payload >= 2 && payload <= MaxPayload(channels),
            _ => false,
        };
        return shapeFits && header.StartFrame is >= 0 and <= long.MaxValue / 4;
    }

    /// <summary>The generation in a record header's bytes 1–3.</summary>
    public static uint GenerationOf(ReadOnlySpan<byte> recordHeader) =>
        recordHeader[1] | ((uint)recordHeader[2] << 8) | ((uint)recordHeader[3] << 16);

    public static void Nonce(uint generation, uint index, Span<byte> nonce)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(nonce, generation);
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], index);
    }
}

/// <summary>The plaintext header in front of every record.</summary>
internal readonly record struct RecordHeader(RecordKind Kind, uint Index, long StartFrame, int FrameCount, int PayloadLength)
{
    /// <summary>0 for a record as first appended; higher each time it is rewritten (see <see cref="RecordingLayout"/>).</summary>
    public uint Generation { get; init; }

    public long EndFrame => StartFrame + FrameCount;
}
