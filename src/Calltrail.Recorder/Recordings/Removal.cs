using System.Buffers.Binary;
using System.Text;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// A stretch of a recording's timeline, in frames, that holds no audio, and why: a pause (payment
/// screen, a person, the recording client) or time the call's plan does not record. <see cref="Redacted"/>
/// says the audio had already been stored when the recorder learnt of it and was removed from the file
/// afterwards (<see cref="RedactedFrames"/> of it); <see cref="LateMs"/> is how long after the stretch
/// began the recorder learnt of it.
/// </summary>
public sealed record Removal(long FromFrame, long ToFrame, string Cause, bool Redacted = false, long LateMs = 0, long RedactedFrames = 0)
{
    public const long Open = long.MaxValue;

    public FrameSpan Span => new(FromFrame, ToFrame);
}

/// <summary>The payload of a removals record (layout in <see cref="RecordingLayout"/>).</summary>
internal static class RemovalsCodec
{
    private const int FixedEntry = 8 + 8 + 1 + 4 + 4 + 1;
    private const int MaxCause = 64;

    /// <summary>The entries that fit <paramref name="limit"/> bytes, in order; a cause is cut to 64 bytes.</summary>
    public static int Encode(IReadOnlyList<Removal> removals, Span<byte> destination)
    {
        var at = 2;
        var count = 0;
        foreach (var removal in removals)
        {
            var cause = Encoding.UTF8.GetBytes(removal.Cause);
            var causeLength = Math.Min(cause.Length, MaxCause);
            if (at + FixedEntry + causeLength > destination.Length || count == ushort.MaxValue)
            {
                break;
            }

            BinaryPrimitives.WriteInt64LittleEndian(destination[at..], removal.FromFrame);
            BinaryPrimitives.WriteInt64LittleEndian(destination[(at + 8)..], removal.ToFrame);
            destination[at + 16] = removal.Redacted ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(at + 17)..], (uint)Math.Clamp(removal.LateMs, 0, uint.MaxValue));
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(at + 21)..], (uint)Math.Clamp(removal.RedactedFrames, 0, uint.MaxValue));
            destination[at + 25] = (byte)causeLength;
            cause.AsSpan(0, causeLength).CopyTo(destination[(at + FixedEntry)..]);
            at += FixedEntry + causeLength;
            count++;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)count);
        return at;
    }

    /// <summary>Null when the payload is not a well-formed removals list.</summary>
    public static List<Removal>? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        var removals = new List<Removal>(count);
        var at = 2;
        for (var i = 0; i < count; i++)
        {
            if (at + FixedEntry > payload.Length)
            {
                return null;
            }

            var from = BinaryPrimitives.ReadInt64LittleEndian(payload[at..]);
            var to = BinaryPrimitives.ReadInt64LittleEndian(payload[(at + 8)..]);
            var flags = payload[at + 16];
            var causeLength = payload[at + 25];
            if (from < 0 || to <= from || flags > 1 || causeLength > MaxCause || at + FixedEntry + causeLength > payload.Length)
            {
                return null;
            }

            var cause = payload.Slice(at + FixedEntry, causeLength);
            if (!System.Text.Unicode.Utf8.IsValid(cause))
            {
                return null;
            }

            removals.Add(new Removal(from, to, Encoding.UTF8.GetString(cause), flags == 1,
                BinaryPrimitives.ReadUInt32LittleEndian(payload[(at + 17)..]), BinaryPrimitives.ReadUInt32LittleEndian(payload[(at + 21)..])));
            at += FixedEntry + causeLength;
        }

        return at == payload.Length ? removals : null;
    }
}
