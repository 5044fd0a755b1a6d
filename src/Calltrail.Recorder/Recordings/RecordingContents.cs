using System.Security.Cryptography;
using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Recordings;

/// <summary>
/// A recording file as read: its header, its valid records and markers, how it ends, and the WAV it
/// presents. Holds the file's data key in memory until disposed.
/// </summary>
public sealed class RecordingContents : IDisposable
{
    private readonly byte[] _dataKey;
    private bool _disposed;

    internal RecordingContents(
        string path, HeaderInfo info, byte[] dataKey, List<RecordInfo> records, List<RecordingMarker> markers,
        RecordingTail tail, long validLength, long fileLength, string tailDetail)
    {
        (Path, RecordingId, Channels, SampleRate, KeyId, _dataKey) = (path, info.RecordingId, info.Channels, info.SampleRate, info.KeyId, dataKey);
        (Records, Markers, Tail, ValidLength, FileLength, TailDetail) = (records, markers, tail, validLength, fileLength, tailDetail);
        AudioRecords = [.. records.Where(r => r.Kind == RecordKind.Audio)];
        Complete = markers.Count > 0 && markers[^1].Kind == MarkerKind.End;
        EndFrame = Complete ? markers[^1].AtFrame : Math.Max(AudioRecords.LastOrDefault().EndFrame, markers.LastOrDefault()?.AtFrame ?? 0);
        PausedSpans = DerivePausedSpans(markers, EndFrame);
    }

    public string Path { get; }

    public Guid RecordingId { get; }

    public int Channels { get; }

    public int SampleRate { get; }

    /// <summary>The master key id whose slot opened the file.</summary>
    public string KeyId { get; }

    public IReadOnlyList<RecordInfo> Records { get; }

    public IReadOnlyList<RecordingMarker> Markers { get; }

    /// <summary>True when the writer completed the file (its last record is the End marker).</summary>
    public bool Complete { get; }

    /// <summary>The End marker's frame; for an incomplete file the end of its last audio or marker.</summary>
    public long EndFrame { get; }

    /// <summary>From each Pause marker to the next Resume; a pause never resumed runs to <see cref="EndFrame"/>.</summary>
    public IReadOnlyList<FrameSpan> PausedSpans { get; }

    public RecordingTail Tail { get; }

    /// <summary>Why reading stopped when <see cref="Tail"/> is not Clean.</summary>
    public string TailDetail { get; }

    /// <summary>Bytes of the file that were read as valid (header and records).</summary>
    public long ValidLength { get; }

    public long FileLength { get; }

    /// <summary>The exact length of the stream <see cref="OpenWav"/> gives.</summary>
    public long WavLength => WavHeader.Size + (EndFrame * Channels * 2);

    internal RecordInfo[] AudioRecords { get; }

    /// <summary>
    /// The whole recording as a read-only, seekable WAV: header, then every frame to
    /// <see cref="EndFrame"/>, silence where nothing was written. Each call opens the file anew, so
    /// streams are independent; reads decrypt only the records they touch.
    /// </summary>
    public Stream OpenWav()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new RecordingWavStream(this, _dataKey);
    }

    /// <summary>SHA-256 of exactly the bytes <see cref="OpenWav"/> serves.</summary>
    public byte[] ComputeSha256()
    {
        using var wav = OpenWav();
        return SHA256.HashData(wav);
    }

    /// <summary>Zeroes the data key. Streams already open keep working; new ones cannot be opened.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_dataKey);
    }

    private static FrameSpan[] DerivePausedSpans(IEnumerable<RecordingMarker> markers, long endFrame)
    {
        var spans = new List<FrameSpan>();
        long? pausedAt = null;
        foreach (var marker in markers)
        {
            if (marker.Kind == MarkerKind.Pause && pausedAt is null)
            {
                pausedAt = marker.AtFrame;
            }
            else if (marker.Kind == MarkerKind.Resume && pausedAt is { } start)
            {
                spans.Add(new FrameSpan(start, marker.AtFrame));
                pausedAt = null;
            }
        }

        if (pausedAt is { } open && open < endFrame)
        {
            spans.Add(new FrameSpan(open, endFrame));
        }

        return [.. spans];
    }
}
