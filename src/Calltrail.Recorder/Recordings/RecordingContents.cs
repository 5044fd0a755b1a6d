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
        RecordingTail tail, long validLength, long fileLength, string tailDetail, List<Removal>? removals = null, uint highestGeneration = 0)
    {
        (Path, RecordingId, Channels, SampleRate, KeyId, _dataKey) = (path, info.RecordingId, info.Channels, info.SampleRate, info.KeyId, dataKey);
        (Records, Markers, Tail, ValidLength, FileLength, TailDetail) = (records, markers, tail, validLength, fileLength, tailDetail);
        AudioRecords = [.. records.Where(r => r.Kind == RecordKind.Audio)];
        Complete = markers.Any(m => m.Kind == MarkerKind.End);
        EndFrame = Complete ? markers.First(m => m.Kind == MarkerKind.End).AtFrame : Math.Max(AudioRecords.LastOrDefault().EndFrame, markers.LastOrDefault()?.AtFrame ?? 0);
        PausedSpans = DerivePausedSpans(markers, EndFrame);
        Removals = removals is null ? [.. FromMarkers(markers, EndFrame)] : [.. removals.Where(r => r.FromFrame < EndFrame).Select(r => r with { ToFrame = Math.Min(r.ToFrame, EndFrame) })];
        HighestGeneration = highestGeneration;
    }

    /// <summary>
    /// The stretches that hold no audio, and why, clipped to <see cref="EndFrame"/>: the file's last
    /// removals record, or for a file written before removals records, its Pause/Resume markers.
    /// </summary>
    public IReadOnlyList<Removal> Removals { get; }

    internal uint HighestGeneration { get; }

    public string Path { get; }

    public Guid RecordingId { get; }

    public int Channels { get; }

    public int SampleRate { get; }

    /// <summary>The master key id whose slot opened the file.</summary>
    public string KeyId { get; }

    public IReadOnlyList<RecordInfo> Records { get; }

    public IReadOnlyList<RecordingMarker> Markers { get; }

    /// <summary>Where the recording began keeping audio: its first Start marker (0 for a file written since removals records).</summary>
    public long StartFrame => Markers.FirstOrDefault(m => m.Kind == MarkerKind.Start)?.AtFrame ?? 0;

    /// <summary>True when the writer completed the file (it has an End marker; only removals may follow it).</summary>
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

    /// <summary>
    /// Whether any stored audio inside <paramref name="spans"/> is not silence — read from the records
    /// themselves (decrypted), not from what the file's metadata claims. The check behind a recording's
    /// agreement with its call's verdict.
    /// </summary>
    public bool HoldsAudioIn(IReadOnlyList<FrameSpan> spans)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var wav = OpenWav();
        var buffer = new byte[RecordingLayout.MaxPayload(Channels)];
        var frameBytes = Channels * 2;
        foreach (var span in spans)
        {
            var end = Math.Min(span.End, EndFrame);
            foreach (var record in AudioRecords.Where(r => r.StartFrame < end && span.Start < r.EndFrame))
            {
                var from = Math.Max(span.Start, record.StartFrame);
                var to = Math.Min(end, record.EndFrame);
                var bytes = buffer.AsSpan(0, (int)((to - from) * frameBytes));
                wav.Position = WavHeader.Size + (from * frameBytes);
                wav.ReadExactly(bytes);
                var loud = bytes.IndexOfAnyExcept((byte)0) >= 0;
                bytes.Clear();
                if (loud)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Zeroes the data key. Streams already open keep working; new ones cannot be opened.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_dataKey);
    }

    private static IEnumerable<Removal> FromMarkers(IEnumerable<RecordingMarker> markers, long endFrame)
    {
        (long From, string? Cause)? paused = null;
        long? stopped = null;
        foreach (var marker in markers)
        {
            if (marker.Kind == MarkerKind.Stop)
            {
                stopped ??= marker.AtFrame;
            }
            else if (marker.Kind == MarkerKind.Start && stopped is { } stop && marker.AtFrame > stop)
            {
                yield return new Removal(stop, marker.AtFrame, "not-recorded");
                stopped = null;
            }

            if (marker.Kind == MarkerKind.Pause && paused is null)
            {
                paused = (marker.AtFrame, marker.Cause);
            }
            else if (marker.Kind is MarkerKind.Resume or MarkerKind.Stop or MarkerKind.End && paused is { } open)
            {
                if (marker.AtFrame > open.From)
                {
                    yield return new Removal(open.From, marker.AtFrame, open.Cause ?? "service");
                }

                paused = null;
            }
        }

        if (paused is { } last && last.From < endFrame)
        {
            yield return new Removal(last.From, endFrame, last.Cause ?? "service");
        }
        else if (stopped is { } stop && stop < endFrame)
        {
            yield return new Removal(stop, endFrame, "not-recorded");
        }
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
