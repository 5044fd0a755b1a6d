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

    /// <summary>The last valid removals record's list; null when the file has none.</summary>
    public List<Removal>? Removals { get; private set; }

    /// <summary>The highest generation any record header in the file names, valid or not (a rewrite must pick a higher one).</summary>
    public uint HighestGeneration { get; private set; }

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
            // After the end marker only whole removals records may follow: anything else was not written by a writer.
            var ended = Markers.Count > 0 && Markers[^1].Kind == MarkerKind.End;
            return got > 0 && Stop(ended ? RecordingTail.Damaged : RecordingTail.Torn, $"partial record header at byte {offset}");
        }

        HighestGeneration = Math.Max(HighestGeneration, RecordingLayout.GenerationOf(_header));
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
        var authentic = (header.Kind != RecordKind.Audio || verifyAudio) && Decrypt(header);
        if (header.Kind == RecordKind.Audio)
        {
            // Audio is decrypted only to authenticate it: no copy of it stays in this buffer (it may be audio about to be redacted).
            _plain.AsSpan(0, header.PayloadLength).Clear();
        }

        if ((header.Kind != RecordKind.Audio || verifyAudio) && !authentic)
        {
            return Stop(RecordingTail.Damaged, $"record {header.Index} at byte {offset} fails authentication");
        }

        var ended = Markers.Count > 0 && Markers[^1].Kind == MarkerKind.End;
        var inOrder = header.Kind switch
        {
            RecordKind.Audio => header.StartFrame >= _audioEnd && !ended,
            RecordKind.Marker => header.StartFrame >= _markerFrame && !ended,
            _ => true, // removals may follow the end: a late redaction of a finished recording
        };
        if (!inOrder || (header.Kind == RecordKind.Marker && !TryAddMarker(header)) || (header.Kind == RecordKind.Removals && !TryTakeRemovals(header)))
        {
            return Stop(RecordingTail.Damaged, $"record {header.Index} at byte {offset} is out of order or malformed");
        }

        Records.Add(new RecordInfo(header.Kind, header.Index, header.StartFrame, header.FrameCount, offset + RecordingLayout.RecordHeaderSize, header.PayloadLength)
        {
            Generation = header.Generation,
        });
        _audioEnd = header.Kind == RecordKind.Audio ? header.EndFrame : _audioEnd;
        _markerFrame = header.Kind == RecordKind.Marker ? header.StartFrame : _markerFrame;
        return true;
    }

    private bool TryTakeRemovals(in RecordHeader header)
    {
        if (RemovalsCodec.Decode(_plain.AsSpan(0, header.PayloadLength)) is not { } removals)
        {
            return false;
        }

        Removals = removals;
        return true;
    }

    private bool Decrypt(in RecordHeader header)
    {
        _header.CopyTo(_aad, RecordingLayout.IdSize);
        RecordingLayout.Nonce(header.Generation, header.Index, _nonce);
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

    private bool Stop(RecordingTail tail, string detail)
    {
        (Tail, TailDetail) = (tail, detail);
        return false;
    }
}
