using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// Appends one recording's encrypted records (layout in <see cref="RecordingLayout"/>), and removes
/// audio already written when a pause becomes known late (<see cref="Redact"/>). It writes only what it
/// is handed, and as a last guard it refuses audio inside a span its own pause markers opened or that
/// it was told to refuse (<see cref="Refuse"/>), so paused audio cannot reach the file even if a caller
/// slips. Single-threaded.
/// </summary>
public sealed class RecordingWriter : IFrameSink, IDisposable
{
    private readonly FileStream _file;
    private readonly AesGcm _aes;
    private readonly byte[] _recordingId = new byte[RecordingLayout.IdSize];
    private readonly byte[] _recordHeader = new byte[RecordingLayout.RecordHeaderSize];
    private readonly byte[] _aad = new byte[RecordingLayout.IdSize + RecordingLayout.RecordHeaderSize];
    private readonly byte[] _nonce = new byte[RecordingLayout.NonceSize];
    private readonly byte[] _tag = new byte[RecordingLayout.TagSize];
    private readonly byte[] _plain;
    private readonly byte[] _cipher;
    private readonly List<(long Start, long End)> _paused = [];
    private readonly List<RecordInfo> _audio = new(1024); // every audio record, for a redaction to find (grows rarely: ~100 s each)
    private readonly string _path;
    private IReadOnlyList<FrameSpan> _refused = [];
    private uint _nextGeneration = 1;
    private uint _nextIndex;
    private long _audioEnd;
    private long _lastMarkerFrame;
    private bool _closed;

    private RecordingWriter(string path, FileStream file, AesGcm aes, Guid recordingId, int channels, int sampleRate)
    {
        (_path, _file, _aes, RecordingId, Channels, SampleRate) = (path, file, aes, recordingId, channels, sampleRate);
        recordingId.TryWriteBytes(_recordingId, bigEndian: true, out _);
        _recordingId.CopyTo(_aad, 0);
        _plain = new byte[RecordingLayout.MaxPayload(channels)];
        _cipher = new byte[RecordingLayout.MaxPayload(channels)];
    }

    public Guid RecordingId { get; }

    public int Channels { get; }

    public int SampleRate { get; }

    public long RecordsWritten => _nextIndex;

    /// <summary>Frames (per channel) of audio handed in for a paused span, and therefore not written.</summary>
    public long FramesRefusedWhilePaused { get; private set; }

    /// <summary>
    /// Creates a new file (never replacing one) with a fresh data key wrapped by the ring's active key.
    /// The header is forced to disk at once: without it nothing later in the file can be read.
    /// </summary>
    public static RecordingWriter Create(string path, Guid recordingId, int channels, int sampleRate, RecordingKeyRing keyRing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, RecordingLayout.MaxChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, RecordingLayout.MaxSampleRate);
        ArgumentNullException.ThrowIfNull(keyRing);
        var dataKey = RandomNumberGenerator.GetBytes(RecordingKeyRing.KeySize);
        try
        {
            var header = FileHeader.Create(recordingId, channels, sampleRate, keyRing, dataKey);
            var file = new FileStream(path, Files.PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16));
            try
            {
                file.Write(header);
                file.Flush(flushToDisk: true);
                return new RecordingWriter(path, file, new AesGcm(dataKey, RecordingLayout.TagSize), recordingId, channels, sampleRate);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Appends interleaved frames from <paramref name="startFrame"/>. Audio must move forward: a start
    /// before the end of earlier audio is a caller bug. Parts inside a paused span are not written.
    /// </summary>
    public void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved)
    {
        ThrowIfClosed();
        ArgumentOutOfRangeException.ThrowIfNegative(startFrame);
        ArgumentOutOfRangeException.ThrowIfNotEqual(interleaved.Length % Channels, 0, nameof(interleaved));
        if (startFrame < _audioEnd)
        {
            throw new InvalidOperationException($"Audio at frame {startFrame} overlaps audio already written up to {_audioEnd}.");
        }

        var end = startFrame + (interleaved.Length / Channels);
        for (var frame = startFrame; frame < end;)
        {
            var (paused, until) = PauseAt(frame, end);
            if (paused)
            {
                FramesRefusedWhilePaused += until - frame;
            }
            else
            {
                WriteAudioRecords(frame, interleaved.Slice((int)(frame - startFrame) * Channels, (int)(until - frame) * Channels));
            }

            frame = until;
        }

        _audioEnd = end;
    }

    /// <summary>Appends a marker. Markers must not go back in time; a cause is at most 256 UTF-8 bytes.</summary>
    public void WriteMarker(long atFrame, MarkerKind kind, string? cause = null)
    {
        ThrowIfClosed();
        ArgumentOutOfRangeException.ThrowIfLessThan(atFrame, _lastMarkerFrame);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        var causeLength = cause is null ? 0 : Encoding.UTF8.GetByteCount(cause);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(causeLength, RecordingLayout.MaxCauseBytes, nameof(cause));
        _plain[0] = (byte)kind;
        _plain[1] = cause is null ? (byte)0 : (byte)1;
        Encoding.UTF8.GetBytes(cause ?? string.Empty, _plain.AsSpan(2));
        WriteRecord(new RecordHeader(RecordKind.Marker, _nextIndex, atFrame, 0, 2 + causeLength), _plain.AsSpan(0, 2 + causeLength));
        _lastMarkerFrame = atFrame;
        TrackPause(atFrame, kind);
    }

    /// <summary>From now on audio inside <paramref name="spans"/> is not written (the call's plan does not allow it there).</summary>
    public void Refuse(IReadOnlyList<FrameSpan> spans)
    {
        ThrowIfClosed();
        _refused = [.. spans];
    }

    /// <summary>
    /// Removes audio already written inside <paramref name="spans"/>: each audio record that overlaps
    /// them is re-encrypted in place with those frames silent, under a generation never used before,
    /// crash-safely through a <see cref="RedactionJournal"/>. Seconds of audio cost a few records, not a
    /// rewrite of the file. Returns the frames (per channel) of written audio that lay in the spans.
    /// </summary>
    public long Redact(IReadOnlyList<FrameSpan> spans)
    {
        ThrowIfClosed();
        if (spans.Count == 0)
        {
            return 0;
        }

        _file.Flush(flushToDisk: false);
        var handle = _file.SafeFileHandle;
        var rewritten = new List<(int At, RewrittenRecord Record)>();
        long frames = 0;
        using (var rewriter = new RecordRewriter(_aes, RecordingId, Channels))
        {
            var generation = _nextGeneration;
            for (var i = 0; i < _audio.Count; i++)
            {
                if (rewriter.Rewrite(handle, _audio[i], spans, generation) is { } record)
                {
                    rewritten.Add((i, record));
                    frames += spans.Sum(s => Math.Max(0, Math.Min(s.End, _audio[i].EndFrame) - Math.Max(s.Start, _audio[i].StartFrame)));
                }
            }
        }

        if (rewritten.Count == 0)
        {
            return 0;
        }

        _nextGeneration++;
        RedactionJournal.Write(_path, [.. rewritten.Select(r => r.Record)]);
        foreach (var (at, record) in rewritten)
        {
            RandomAccess.Write(handle, record.Bytes, record.Offset);
            _audio[at] = _audio[at] with { Generation = _nextGeneration - 1 };
        }

        RandomAccess.FlushToDisk(handle);
        RedactionJournal.Delete(_path);
        return frames;
    }

    /// <summary>Appends the recording's removals as they now stand (the last such record is the truth).</summary>
    public void WriteRemovals(IReadOnlyList<Removal> removals)
    {
        ThrowIfClosed();
        var length = RemovalsCodec.Encode(removals, _plain);
        WriteRecord(new RecordHeader(RecordKind.Removals, _nextIndex, 0, 0, length), _plain.AsSpan(0, length));
    }

    /// <summary>Hands everything written so far to the operating system (no fsync): a killed process loses none of it.</summary>
    public void Flush()
    {
        ThrowIfClosed();
        _file.Flush(flushToDisk: false);
    }

    /// <summary>Writes the End marker, forces the file to disk and closes it.</summary>
    public void Complete(long endFrame)
    {
        WriteMarker(endFrame, MarkerKind.End);
        _file.Flush(flushToDisk: true);
        Dispose();
    }

    /// <summary>Closes the file; without <see cref="Complete"/> it stays readable but incomplete.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _file.Dispose();
        _aes.Dispose();
    }

    private void WriteAudioRecords(long startFrame, ReadOnlySpan<short> interleaved)
    {
        var framesPerRecord = RecordingLayout.MaxFramesPerRecord;
        for (var done = 0; done < interleaved.Length; done += framesPerRecord * Channels)
        {
            var piece = interleaved.Slice(done, Math.Min(framesPerRecord * Channels, interleaved.Length - done));
            var pieceStart = startFrame + (done / Channels);
            var header = new RecordHeader(RecordKind.Audio, _nextIndex, pieceStart, piece.Length / Channels, piece.Length * 2);
            _audio.Add(new RecordInfo(RecordKind.Audio, header.Index, header.StartFrame, header.FrameCount, _file.Position + RecordingLayout.RecordHeaderSize, header.PayloadLength));
            WriteRecord(header, LittleEndianBytes(piece));
        }
    }

    private ReadOnlySpan<byte> LittleEndianBytes(ReadOnlySpan<short> samples)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(samples);
        }

        var bytes = _plain.AsSpan(0, samples.Length * 2);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes[(2 * i)..], samples[i]);
        }

        return bytes;
    }

    private void WriteRecord(in RecordHeader header, ReadOnlySpan<byte> payload)
    {
        RecordingLayout.WriteRecordHeader(_recordHeader, header);
        _recordHeader.CopyTo(_aad, RecordingLayout.IdSize);
        RecordingLayout.Nonce(header.Generation, header.Index, _nonce);
        var cipher = _cipher.AsSpan(0, payload.Length);
        _aes.Encrypt(_nonce, payload, cipher, _tag, _aad);
        _file.Write(_recordHeader);
        _file.Write(cipher);
        _file.Write(_tag);
        _nextIndex++;
    }

    // Whether frame lies in a paused or refused span, and where that state next changes (at most end).
    private (bool Paused, long Until) PauseAt(long frame, long end)
    {
        var until = end;
        foreach (var (start, stop) in _paused)
        {
            if (frame >= start && frame < stop)
            {
                return (true, Math.Min(stop, end));
            }

            if (start > frame)
            {
                until = Math.Min(until, start);
            }
        }

        for (var i = 0; i < _refused.Count; i++)
        {
            var refused = _refused[i];
            if (frame >= refused.Start && frame < refused.End)
            {
                return (true, Math.Min(refused.End, end));
            }

            if (refused.Start > frame)
            {
                until = Math.Min(until, refused.Start);
            }
        }

        return (false, until);
    }

    private void TrackPause(long atFrame, MarkerKind kind)
    {
        var open = _paused.Count > 0 && _paused[^1].End == long.MaxValue;
        if (kind == MarkerKind.Pause && !open)
        {
            _paused.Add((atFrame, long.MaxValue));
        }
        else if (kind == MarkerKind.Resume && open)
        {
            _paused[^1] = (_paused[^1].Start, atFrame);
        }
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);
}
