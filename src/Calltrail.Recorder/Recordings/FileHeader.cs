using System.Buffers.Binary;
using System.Text;

namespace Calltrail.Recorder.Recordings;

/// <summary>What a recording file's header says once a key slot has been opened.</summary>
internal sealed record HeaderInfo(Guid RecordingId, int Channels, int SampleRate, string KeyId, uint Generation, int SlotOffset)
{
    public int OtherSlotOffset => SlotOffset == FileHeader.SlotA ? FileHeader.SlotB : FileHeader.SlotA;
}

/// <summary>
/// Reads and writes the 256-byte header (layout in <see cref="RecordingLayout"/>). Two key slots let a
/// rotation write the new wrapping beside the old one: a torn write spoils only the new slot, which
/// then fails authentication, and the old one still opens the file.
/// </summary>
internal static class FileHeader
{
    public const int SlotA = 32;
    public const int SlotB = 144;
    public const int SlotSize = 112;
    private const int FixedSize = 32;
    private const int SlotAuthenticatedSize = 37;

    public static byte[] Create(Guid recordingId, int channels, int sampleRate, RecordingKeyRing ring, ReadOnlySpan<byte> dataKey)
    {
        var header = new byte[RecordingLayout.HeaderSize];
        RecordingLayout.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), RecordingLayout.FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)sampleRate);
        recordingId.TryWriteBytes(header.AsSpan(16), bigEndian: true, out _);
        WriteSlot(header, SlotA, 1, ring, dataKey);
        return header;
    }

    /// <summary>Fills one slot with the data key wrapped by the ring's active key.</summary>
    public static void WriteSlot(Span<byte> header, int slotOffset, uint generation, RecordingKeyRing ring, ReadOnlySpan<byte> dataKey)
    {
        var slot = header.Slice(slotOffset, SlotSize);
        slot.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(slot, generation);
        slot[4] = (byte)Encoding.ASCII.GetBytes(ring.ActiveKeyId, slot[5..]);
        var wrapped = ring.Wrap(dataKey, SlotAad(header, slotOffset));
        wrapped.Nonce.CopyTo(slot[37..]);
        wrapped.Ciphertext.CopyTo(slot[49..]);
        wrapped.Tag.CopyTo(slot[81..]);
    }

    /// <summary>Checks the header and opens the newest slot the ring can open, filling <paramref name="dataKey"/>.</summary>
    public static RecordingOpenError TryOpen(ReadOnlySpan<byte> header, RecordingKeyRing ring, Span<byte> dataKey, out HeaderInfo? info, out string detail)
    {
        info = null;
        detail = string.Empty;
        if (header.Length < RecordingLayout.HeaderSize || !header[..8].SequenceEqual(RecordingLayout.Magic))
        {
            return RecordingOpenError.NotARecording;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header[8..]) != RecordingLayout.FormatVersion)
        {
            return RecordingOpenError.UnsupportedVersion;
        }

        var channels = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        if (channels is < 1 or > RecordingLayout.MaxChannels || sampleRate is < 1 or > RecordingLayout.MaxSampleRate)
        {
            return RecordingOpenError.NotARecording;
        }

        return TryOpenSlots(header, channels, (int)sampleRate, ring, dataKey, out info, out detail);
    }

    public static uint Generation(ReadOnlySpan<byte> header, int slotOffset) => BinaryPrimitives.ReadUInt32LittleEndian(header[slotOffset..]);

    // Newest generation first; an empty slot (generation 0) is skipped.
    private static RecordingOpenError TryOpenSlots(
        ReadOnlySpan<byte> header, int channels, int sampleRate, RecordingKeyRing ring, Span<byte> dataKey, out HeaderInfo? info, out string detail)
    {
        info = null;
        var (a, b) = (Generation(header, SlotA), Generation(header, SlotB));
        int[] order = a >= b ? [SlotA, SlotB] : [SlotB, SlotA];
        var named = new List<string>(2);
        foreach (var slot in order)
        {
            if (Generation(header, slot) == 0 || !TryReadWrapped(header, slot, out var wrapped))
            {
                continue;
            }

            named.Add(wrapped.KeyId);
            if (ring.TryUnwrap(wrapped, SlotAad(header, slot), dataKey))
            {
                info = new HeaderInfo(new Guid(header[16..32], bigEndian: true), channels, sampleRate, wrapped.KeyId, Generation(header, slot), slot);
                detail = string.Empty;
                return RecordingOpenError.None;
            }
        }

        detail = $"key slots name: {string.Join(", ", named)}";
        return named.Any(ring.Contains) ? RecordingOpenError.KeyRejected : RecordingOpenError.UnknownKey;
    }

    private static bool TryReadWrapped(ReadOnlySpan<byte> header, int slotOffset, out WrappedDataKey wrapped)
    {
        var slot = header.Slice(slotOffset, SlotSize);
        var idLength = slot[4];
        var keyId = idLength <= RecordingKeyRing.MaxKeyIdLength ? Encoding.ASCII.GetString(slot.Slice(5, idLength)) : string.Empty;
        wrapped = new WrappedDataKey(keyId, slot.Slice(37, 12).ToArray(), slot.Slice(49, 32).ToArray(), slot.Slice(81, 16).ToArray());
        return RecordingKeyRing.IsValidKeyId(keyId);
    }

    private static byte[] SlotAad(ReadOnlySpan<byte> header, int slotOffset) =>
        [.. header[..FixedSize], .. header.Slice(slotOffset, SlotAuthenticatedSize)];
}
