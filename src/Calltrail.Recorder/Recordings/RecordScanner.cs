using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Calltrail.Recorder.Recordings;

/// <summary>Walks a file's records from just after the header, keeping each valid one, stopping at the first that is not.</summary>
internal sealed class RecordScanner(FileStream file, AesGcm aes, HeaderInfo info, bool verifyAudio)
{
    private readonly byte[] _header = new byte[RecordingLayout.RecordHeaderSize];
    private readonly byte[] _aad = new byte[RecordingLayout.IdSize + RecordingLayout.RecordHeaderSize];
    private readonly byte[] _nonce = new byte[RecordingLayout.NonceSize];
    private readonly byte[] _sealed = new byte[RecordingLayout.MaxPayload(info.Channels) + RecordingLayout.TagSize];
    private readonly byte[] _plain = new byte[RecordingLayout.MaxPayload(info.Channels)];
    private long _audioEnd;
    private long _markerFrame;

    public List<RecordInfo> Records { get; } = [];

    public List<RecordingMarker> Markers { get; } = [];

    public RecordingTail Tail { get; private set; }

    public string TailDetail { get; private set; } = string.Empty;

    public long ValidLength { get; private set; } = RecordingLayout.HeaderSize;

    public void Run()
    {
        info.RecordingId.TryWriteBytes(_aad, bigEndian: true, out _);
        while (NextRecord())
        {
            ValidLength = file.Position;
        }
    }

    private bool NextRecord()
    {
        var offset = file.Position;
        var got = file.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
        if (got < _header.Length)
        {
            return got > 0 && Stop(RecordingTail.Torn, $"partial record header at byte {offset}");
        }

        if (!RecordingLayout.TryReadRecordHeader(_header, info.Channels, out var header) || header.Index != (uint)Records.Count)
        {
            return Stop(RecordingTail.Damaged, $"malformed record header at byte {offset}");
        }

        var sealedLength = header.PayloadLength + RecordingLayout.TagSize;
        if (file.ReadAtLeast(_sealed.AsSpan(0, sealedLength), sealedLength, throwOnEndOfStream: false) < sealedLength)
        {
            return Stop(RecordingTail.Torn, $"partial record {header.Index} at byte {offset}");
        }

        return Accept(header, offset);
    }

    private bool Accept(in RecordHeader header, long offset)
    {
        if ((header.Kind == RecordKind.Marker || verifyAudio) && !Decrypt(header))
        {
            return Stop(RecordingTail.Damaged, $"record {header.Index} at byte {offset} fails authentication");
        }

        var inOrder = header.Kind == RecordKind.Audio ? header.StartFrame >= _audioEnd : header.StartFrame >= _markerFrame;
        if (!inOrder || (header.Kind == RecordKind.Marker && !TryAddMarker(header)))
        {
            return Stop(RecordingTail.Damaged, $"record {header.Index} at byte {offset} is out of order or malformed");
        }

        Records.Add(new RecordInfo(header.Kind, header.Index, header.StartFrame, header.FrameCount, offset + RecordingLayout.RecordHeaderSize, header.PayloadLength));
        _audioEnd = header.Kind == RecordKind.Audio ? header.EndFrame : _audioEnd;
        _markerFrame = header.Kind == RecordKind.Marker ? header.StartFrame : _markerFrame;
        return header.Kind != RecordKind.Marker || Markers[^1].Kind != MarkerKind.End || AfterEnd();
    }

    private bool Decrypt(in RecordHeader header)
    {
        _header.CopyTo(_aad, RecordingLayout.IdSize);
        RecordingLayout.Nonce(header.Index, _nonce);
        var cipher = _sealed.AsSpan(0, header.PayloadLength);
        var tag = _sealed.AsSpan(header.PayloadLength, RecordingLayout.TagSize);
        try
        {
            aes.Decrypt(_nonce, cipher, tag, _plain.AsSpan(0, header.PayloadLength), _aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private bool TryAddMarker(in RecordHeader header)
    {
        var kind = (MarkerKind)_plain[0];
        var hasCause = _plain[1];
        var causeBytes = _plain.AsSpan(2, header.PayloadLength - 2);
        if (!Enum.IsDefined(kind) || hasCause > 1 || (hasCause == 0 && !causeBytes.IsEmpty) || !Utf8.IsValid(causeBytes))
        {
            return false;
        }

        Markers.Add(new RecordingMarker(header.Index, header.StartFrame, kind, hasCause == 1 ? Encoding.UTF8.GetString(causeBytes) : null));
        return true;
    }

    // The End marker closes the file: nothing after it was written by a writer.
    private bool AfterEnd()
    {
        ValidLength = file.Position;
        return file.Position != file.Length && Stop(RecordingTail.Damaged, $"bytes after the end marker at byte {file.Position}");
    }

    private bool Stop(RecordingTail tail, string detail)
    {
        (Tail, TailDetail) = (tail, detail);
        return false;
    }
}
