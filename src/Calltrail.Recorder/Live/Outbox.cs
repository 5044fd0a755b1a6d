using System.Buffers;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Recordings;

namespace Calltrail.Recorder.Live;

/// <summary>
/// What a recording has settled for its file — audio runs, marks, what to refuse, what to redact, the
/// removals list — in the order it happened, gathered under the recording's lock and written after it
/// is released, so a packet never waits on the disk. Two lists take turns: one fills while the other is
/// being written. It also remembers where it handed out audio (<see cref="Stored"/>): the frames a late
/// pause must redact from the file.
/// </summary>
internal sealed class Outbox(int channels) : IFrameSink
{
    private List<Entry> filling = [];
    private List<Entry> spare = [];

    public bool IsEmpty => filling.Count == 0;

    /// <summary>Every frame of audio handed out for the file (reaching it, or already there).</summary>
    public FrameRanges Stored { get; } = new();

    public void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved)
    {
        var copy = ArrayPool<short>.Shared.Rent(interleaved.Length);
        interleaved.CopyTo(copy);
        filling.Add(new Entry(EntryKind.Audio, startFrame, copy, interleaved.Length));
        Stored.Add(new FrameSpan(startFrame, startFrame + (interleaved.Length / channels)));
    }

    public void Add(MarkerKind marker, long frame) => filling.Add(new Entry(EntryKind.Marker, frame, null, 0) { Marker = marker });

    public void Refuse(IReadOnlyList<FrameSpan> spans) => filling.Add(new Entry(EntryKind.Refuse, 0, null, 0) { Spans = spans });

    public void Redact(IReadOnlyList<FrameSpan> spans) => filling.Add(new Entry(EntryKind.Redact, 0, null, 0) { Spans = spans });

    public void Removals(IReadOnlyList<Removal> removals) => filling.Add(new Entry(EntryKind.Removals, 0, null, 0) { Removals = removals });

    /// <summary>Silences audio still waiting here inside <paramref name="span"/>: it is in memory, and never reaches the file.</summary>
    public void Silence(FrameSpan span)
    {
        foreach (var entry in filling.Where(e => e.Samples is not null))
        {
            var frames = entry.Length / channels;
            var from = Math.Max(span.Start, entry.Frame) - entry.Frame;
            var to = Math.Min(span.End, entry.Frame + frames) - entry.Frame;
            if (to > from)
            {
                entry.Samples.AsSpan((int)(from * channels), (int)((to - from) * channels)).Clear();
            }
        }
    }

    /// <summary>
    /// Everything gathered so far; the outbox fills the other list from now on. The caller writes the
    /// taken list and releases it before taking again (the recording's file lock orders that).
    /// </summary>
    public List<Entry> Take()
    {
        var taken = filling;
        (filling, spare) = (spare, taken);
        return taken;
    }

    /// <summary>Forgets what was gathered (the timeline starts again: frames no longer mean the same).</summary>
    public void Discard()
    {
        Release(filling);
        Stored.Clear();
    }

    /// <summary>Empties a written list: its audio is zeroed (not left in pooled memory) and the arrays returned.</summary>
    public static void Release(List<Entry> taken)
    {
        foreach (var entry in taken)
        {
            if (entry.Samples is { } samples)
            {
                samples.AsSpan(0, entry.Length).Clear();
                ArrayPool<short>.Shared.Return(samples);
            }
        }

        taken.Clear();
    }

    internal enum EntryKind
    {
        Audio,
        Marker,
        Refuse,
        Redact,
        Removals,
    }

    /// <summary>One thing for the file, in order.</summary>
    internal readonly record struct Entry(EntryKind Kind, long Frame, short[]? Samples, int Length)
    {
        public MarkerKind Marker { get; init; }

        public IReadOnlyList<FrameSpan>? Spans { get; init; }

        public IReadOnlyList<Removal>? Removals { get; init; }
    }
}
