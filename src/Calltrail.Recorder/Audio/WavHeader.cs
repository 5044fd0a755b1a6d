using System.Buffers.Binary;

namespace Calltrail.Recorder.Audio;

/// <summary>The format a canonical 44-byte PCM WAV header describes.</summary>
public readonly record struct WavFormat(int Channels, int SampleRate, int BitsPerSample, uint DataLength);

/// <summary>
/// The canonical 44-byte RIFF/WAVE header for 16-bit PCM: "RIFF" chunk, "fmt " chunk of 16 bytes,
/// then the "data" chunk header. All numbers little-endian.
/// </summary>
public static class WavHeader
{
    public const int Size = 44;

    /// <summary>
    /// Writes the header for <paramref name="dataLength"/> bytes of audio. RIFF sizes are 32-bit, so
    /// data beyond 4 GiB (some 37 hours of 8 kHz stereo) is declared as the largest size that fits,
    /// which is what players expect of oversized files.
    /// </summary>
    public static void Write(Span<byte> destination, int channels, long dataLength, int sampleRate = G711.SampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        const int bytesPerSample = 2;
        var data = (uint)Math.Min(dataLength, uint.MaxValue - (Size - 8));
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], data + Size - 8);
        "WAVEfmt "u8.CopyTo(destination[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], (uint)(sampleRate * channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 8 * bytesPerSample);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], data);
    }

    /// <summary>Reads a canonical PCM header as <see cref="Write"/> makes it; false for anything else. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> header, out WavFormat format)
    {
        format = default;
        if (header.Length < Size || !header[..4].SequenceEqual("RIFF"u8) || !header[8..16].SequenceEqual("WAVEfmt "u8)
            || !header[36..40].SequenceEqual("data"u8) || BinaryPrimitives.ReadUInt32LittleEndian(header[16..]) != 16
            || BinaryPrimitives.ReadUInt16LittleEndian(header[20..]) != 1)
        {
            return false;
        }

        format = new WavFormat(
            Channels: BinaryPrimitives.ReadUInt16LittleEndian(header[22..]),
            SampleRate: (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header[24..]), int.MaxValue),
            BitsPerSample: BinaryPrimitives.ReadUInt16LittleEndian(header[34..]),
            DataLength: BinaryPrimitives.ReadUInt32LittleEndian(header[40..]));
        return true;
    }
}
