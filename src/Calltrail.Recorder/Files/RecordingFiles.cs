using System.Globalization;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Files;

/// <summary>What a rewrap pass did: files moved to the active key, files already under it, files it could not open.</summary>
public sealed record RewrapSummary(int Rewrapped, int AlreadyCurrent, IReadOnlyList<string> Failed);

/// <summary>
/// The recordings directory: one encrypted file per recording under <c>yyyy/MM/dd/</c>, named by the
/// recording's id. The file is the truth about a recording's audio and marks; the catalog's row is
/// read from it when the recording finishes (or is recovered after a crash).
/// </summary>
public sealed class RecordingFiles(string directory, RecordingKeyRing keys)
{
    public const string Extension = ".ctrec";

    public string Directory { get; } = Path.GetFullPath(directory);

    public RecordingKeyRing Keys { get; } = keys;

    public string RelativePathOf(Guid id, DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{startedAt.UtcDateTime:yyyy}/{startedAt.UtcDateTime:MM}/{startedAt.UtcDateTime:dd}/{id:D}{Extension}");

    public RecordingWriter Create(RecordingStarted recording, int channels)
    {
        var path = FullPath(recording.File);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        return RecordingWriter.Create(path, Guid.Parse(recording.Id), channels, G711.SampleRate, Keys);
    }

    /// <summary>The recording's final shape from its file; a file never created is an empty, incomplete recording.</summary>
    public RecordingFinished Finished(RecordingStarted recording)
    {
        var opened = RecordingReader.Open(FullPath(recording.File), Keys);
        if (opened.Contents is not { } contents)
        {
            return new RecordingFinished(recording.Id, false, recording.StartedAt, 0, [], [], EmptyWavSha256(recording.Channels.Count), WavHeader.Size);
        }

        using (contents)
        {
            var (kept, paused) = RecordingTimeline.Spans(contents.Removals, contents.StartFrame, contents.EndFrame);
            var durationMs = RecordingTimeline.Ms(contents.EndFrame);
            return new RecordingFinished(
                recording.Id, contents.Complete, recording.StartedAt.AddMilliseconds(durationMs), durationMs, kept, paused,
                Convert.ToHexStringLower(contents.ComputeSha256()), contents.WavLength);
        }
    }

    /// <summary>A redaction of the file was interrupted (a crash) and is not finished yet: the file must not be read until it is.</summary>
    public bool RedactionPending(string relativeFile) => RedactionJournal.Exists(FullPath(relativeFile));

    /// <summary>
    /// Finishes every redaction a crash interrupted, before anything reads the files: each file with a
    /// journal, and whether it was replayed or discarded (then its recording must be checked again).
    /// </summary>
    public IReadOnlyList<(string File, JournalOutcome Outcome)> FinishRedactions()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var finished = new List<(string, JournalOutcome)>();
        foreach (var journal in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension + RedactionJournal.Suffix, SearchOption.AllDirectories))
        {
            var path = journal[..^RedactionJournal.Suffix.Length];
            finished.Add((Path.GetRelativePath(Directory, path), RedactionJournal.Replay(path)));
        }

        return finished;
    }

    /// <summary>The recording id a file is named by.</summary>
    public static string IdOf(string relativeFile) => Path.GetFileNameWithoutExtension(relativeFile);

    /// <summary>Redacts a finished recording's stored audio inside <paramref name="spans"/> (see <see cref="RecordingFile.Redact"/>).</summary>
    public RedactResult Redact(string relativeFile, IReadOnlyList<FrameSpan> spans, IReadOnlyList<Removal> removals) =>
        RecordingFile.Redact(FullPath(relativeFile), Keys, spans, removals);

    /// <summary>The file's contents (its data key held until disposed), or null when it is missing or cannot be opened.</summary>
    public RecordingContents? Open(string relativeFile) => RecordingReader.Open(FullPath(relativeFile), Keys).Contents;

    /// <summary>The recording as a seekable WAV stream, or null when its file is missing, cannot be opened with the keys, or is mid-redaction.</summary>
    public Stream? OpenWav(string relativeFile)
    {
        if (RedactionPending(relativeFile))
        {
            return null;
        }

        var opened = RecordingReader.Open(FullPath(relativeFile), Keys, verifyAudio: false);
        if (opened.Contents is not { } contents)
        {
            return null;
        }

        using (contents)
        {
            return contents.OpenWav();
        }
    }

    /// <summary>
    /// Key rotation's second half: every recording not yet under the active master key gets its data key
    /// rewrapped with it (only the file's header changes). Afterwards the old key can leave the configuration.
    /// </summary>
    public RewrapSummary RewrapAll()
    {
        var (rewrapped, current, failed) = (0, 0, new List<string>());
        if (!System.IO.Directory.Exists(Directory))
        {
            return new RewrapSummary(0, 0, []);
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension, SearchOption.AllDirectories))
        {
            var result = RecordingFile.Rewrap(path, Keys);
            if (!result.Succeeded)
            {
                failed.Add($"{Path.GetRelativePath(Directory, path)}: {result.Error} {result.Detail}");
            }
            else if (result.Rewrapped)
            {
                rewrapped++;
            }
            else
            {
                current++;
            }
        }

        return new RewrapSummary(rewrapped, current, failed);
    }

    public string FullPath(string relativeFile)
    {
        var path = Path.GetFullPath(Path.Combine(Directory, relativeFile));
        // A catalog row names a file under the directory; anything else is refused, not followed.
        return path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{relativeFile}' is not inside the recordings directory.", nameof(relativeFile));
    }

    private static string EmptyWavSha256(int channels)
    {
        Span<byte> header = stackalloc byte[WavHeader.Size];
        WavHeader.Write(header, Math.Max(1, channels), 0);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(header));
    }
}
