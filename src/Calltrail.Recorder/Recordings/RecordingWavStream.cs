using System.Security.Cryptography;
using Calltrail.Recorder.Audio;
using Microsoft.Win32.SafeHandles;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// The WAV view of a recording: 44 header bytes, then the timeline's frames, decrypting a record only
/// when a read reaches it (the last one is cached, since HTTP range reads come in sequential chunks).
/// Reads use positional I/O on its own handle, so Seek is just arithmetic.
/// </summary>
internal sealed class RecordingWavStream : Stream
{
    private readonly RecordingContents _contents;
    private readonly SafeFileHandle _file;
    private readonly AesGcm _aes;
    private readonly byte[] _header = new byte[WavHeader.Size];
    private readonly byte[] _aad = new byte[RecordingLayout.IdSize + RecordingLayout.RecordHeaderSize];
    private readonly byte[] _nonce = new byte[RecordingLayout.NonceSize];
    private readonly byte[] _sealed;
    private readonly byte[] _plain;
    private readonly int _frameBytes;
    private int _cached = -1;
    private long _position;

    public RecordingWavStream(RecordingContents contents, byte[] dataKey)
    {
        _contents = contents;
        _frameBytes = contents.Channels * 2;
        WavHeader.Write(_header, contents.Channels, contents.EndFrame * _frameBytes, contents.SampleRate);
        contents.RecordingId.TryWriteBytes(_aad, bigEndian: true, out _);
        _sealed = new byte[RecordingLayout.MaxPayload(contents.Channels) + RecordingLayout.TagSize];
        _plain = new byte[RecordingLayout.MaxPayload(contents.Channels)];
        _file = File.OpenHandle(contents.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        _aes = new AesGcm(dataKey, RecordingLayout.TagSize);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _contents.WavLength;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < Length)
        {
            var n = ReadAt(_position, buffer[total..(int)Math.Min(buffer.Length, total + Length - _position)]);
            _position += n;
            total += n;
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _aes.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }

        base.Dispose(disposing);
    }

    // Fills the start of destination from one place: the header, one record, or one gap of silence.
    private int ReadAt(long position, Span<byte> destination)
    {
        if (position < WavHeader.Size)
        {
            var n = (int)Math.Min(destination.Length, WavHeader.Size - position);
            _header.AsSpan((int)position, n).CopyTo(destination);
            return n;
        }

        var dataOffset = position - WavHeader.Size;
        var frame = dataOffset / _frameBytes;
        var at = RecordAtOrBefore(frame);
        var records = _contents.AudioRecords;
        if (at >= 0 && frame < records[at].EndFrame)
        {
            var inRecord = (int)(dataOffset - (records[at].StartFrame * _frameBytes));
            var n = Math.Min(destination.Length, (records[at].FrameCount * _frameBytes) - inRecord);
            Decrypted(at).Slice(inRecord, n).CopyTo(destination);
            return n;
        }

        var gapEnd = at + 1 < records.Length ? records[at + 1].StartFrame * _frameBytes : long.MaxValue;
        var zeros = (int)Math.Min(destination.Length, gapEnd - dataOffset);
        destination[..zeros].Clear();
        return zeros;
    }

    // The last audio record starting at or before frame, or -1.
    private int RecordAtOrBefore(long frame)
    {
        var records = _contents.AudioRecords;
        int low = 0, high = records.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (records[middle].StartFrame <= frame)
            {
                (found, low) = (middle, middle + 1);
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private ReadOnlySpan<byte> Decrypted(int at)
    {
        var record = _contents.AudioRecords[at];
        if (_cached != at)
        {
            _cached = -1;
            Decrypt(record);
            _cached = at;
        }

        return _plain.AsSpan(0, record.PayloadLength);
    }

    private void Decrypt(RecordInfo record)
    {
        var sealedLength = record.PayloadLength + RecordingLayout.TagSize;
        var header = _aad.AsSpan(RecordingLayout.IdSize);
        if (ReadFully(record.PayloadOffset - RecordingLayout.RecordHeaderSize, header) + ReadFully(record.PayloadOffset, _sealed.AsSpan(0, sealedLength))
            != header.Length + sealedLength)
        {
            throw new InvalidDataException($"Record {record.Index} of {_contents.Path} is no longer all there.");
        }

        RecordingLayout.Nonce(RecordingLayout.GenerationOf(header), record.Index, _nonce);
        try
        {
            _aes.Decrypt(_nonce, _sealed.AsSpan(0, record.PayloadLength), _sealed.AsSpan(record.PayloadLength, RecordingLayout.TagSize), _plain.AsSpan(0, record.PayloadLength), _aad);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidDataException($"Record {record.Index} of {_contents.Path} fails authentication.", e);
        }
    }

    private int ReadFully(long offset, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = RandomAccess.Read(_file, destination[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
