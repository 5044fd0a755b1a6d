using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// Re-encrypts audio records with the frames inside given spans made silence, under a generation the
/// file has not used (so no nonce is ever reused with new plaintext). The plaintext is zeroed after each
/// record; nothing of the removed audio is kept anywhere.
/// </summary>
internal sealed class RecordRewriter(AesGcm aes, Guid recordingId, int channels) : IDisposable
{
    private readonly byte[] _header = new byte[RecordingLayout.RecordHeaderSize];
    private readonly byte[] _aad = new byte[RecordingLayout.IdSize + RecordingLayout.RecordHeaderSize];
    private readonly byte[] _nonce = new byte[RecordingLayout.NonceSize];
    private readonly byte[] _sealed = new byte[RecordingLayout.MaxPayload(channels) + RecordingLayout.TagSize];
    private readonly byte[] _plain = new byte[RecordingLayout.MaxPayload(channels)];

    /// <summary>The record's new bytes with every frame in <paramref name="spans"/> silent, or null when none of it lies in them.</summary>
    public RewrittenRecord? Rewrite(SafeFileHandle file, RecordInfo record, IReadOnlyList<FrameSpan> spans, uint generation)
    {
        if (record.Kind != RecordKind.Audio || !spans.Any(s => s.Start < record.EndFrame && record.StartFrame < s.End))
        {
            return null;
        }

        var sealedLength = record.PayloadLength + RecordingLayout.TagSize;
        if (RandomAccess.Read(file, _header, record.RecordOffset) != _header.Length
            || RandomAccess.Read(file, _sealed.AsSpan(0, sealedLength), record.PayloadOffset) != sealedLength)
        {
            throw new InvalidDataException($"Record {record.Index} is not all there.");
        }

        var plain = _plain.AsSpan(0, record.PayloadLength);
        try
        {
            Open(record, plain);
            var frameBytes = channels * 2;
            foreach (var span in spans)
            {
                var from = Math.Max(span.Start, record.StartFrame) - record.StartFrame;
                var to = Math.Min(span.End, record.EndFrame) - record.StartFrame;
                if (to > from)
                {
                    plain.Slice((int)(from * frameBytes), (int)((to - from) * frameBytes)).Clear();
                }
            }

            return Seal(record, plain, generation);
        }
        finally
        {
            plain.Clear();
        }
    }

    /// <summary>A new record's bytes (appended to a reopened file under its fresh generation).</summary>
    public byte[] Seal(in RecordHeader header, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[RecordingLayout.RecordHeaderSize + payload.Length + RecordingLayout.TagSize];
        RecordingLayout.WriteRecordHeader(bytes, header);
        recordingId.TryWriteBytes(_aad, bigEndian: true, out _);
        bytes.AsSpan(0, RecordingLayout.RecordHeaderSize).CopyTo(_aad.AsSpan(RecordingLayout.IdSize));
        RecordingLayout.Nonce(header.Generation, header.Index, _nonce);
        aes.Encrypt(_nonce, payload, bytes.AsSpan(RecordingLayout.RecordHeaderSize, payload.Length),
            bytes.AsSpan(RecordingLayout.RecordHeaderSize + payload.Length, RecordingLayout.TagSize), _aad);
        return bytes;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_plain);
        CryptographicOperations.ZeroMemory(_sealed);
    }

    private void Open(RecordInfo record, Span<byte> plain)
    {
        recordingId.TryWriteBytes(_aad, bigEndian: true, out _);
        _header.CopyTo(_aad, RecordingLayout.IdSize);
        RecordingLayout.Nonce(RecordingLayout.GenerationOf(_header), record.Index, _nonce);
        aes.Decrypt(_nonce, _sealed.AsSpan(0, record.PayloadLength), _sealed.AsSpan(record.PayloadLength, RecordingLayout.TagSize), plain, _aad);
    }

    private RewrittenRecord Seal(RecordInfo record, ReadOnlySpan<byte> plain, uint generation)
    {
        var header = new RecordHeader(RecordKind.Audio, record.Index, record.StartFrame, record.FrameCount, record.PayloadLength) { Generation = generation };
        return new RewrittenRecord(record.RecordOffset, Seal(header, plain));
    }
}
