using System.Buffers;
using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Live;

/// <summary>
/// What a recording has settled for its file — audio runs and marks, in the order they happened —
/// gathered under the recording's lock and written after it is released, so a packet never waits on
/// the disk. Two lists take turns: one fills while the other is being written.
/// </summary>
internal sealed class Outbox : IFrameSink
{
    private List<Entry> filling = [];
    private List<Entry> spare = [];

    public bool IsEmpty => filling.Count == 0;

    public void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved)
    {
        var copy = ArrayPool<short>.Shared.Rent(interleaved.Length);
        interleaved.CopyTo(copy);
        filling.Add(new Entry(startFrame, copy, interleaved.Length, null));
    }

    public void Add(Mark mark) => filling.Add(new Entry(mark.Frame, null, 0, mark));

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

    /// <summary>An audio run (samples) or a mark.</summary>
    internal readonly record struct Entry(long Frame, short[]? Samples, int Length, Mark? Mark);
}
