using System.Collections.Immutable;

namespace Calltrail.Timeline;

/// <summary>
/// A short list that lives in memory its creator provides (usually <c>stackalloc</c>) and moves to the
/// heap only if it outgrows it. The engine keeps its intermediate timelines here so that deciding a
/// call allocates only what the verdict keeps.
/// </summary>
internal ref struct ScratchList<T>
{
    private Span<T> items;

    public ScratchList(Span<T> initial) => items = initial;

    public int Count { readonly get; private set; }

    public readonly ReadOnlySpan<T> AsSpan() => items[..Count];

    public void Add(T item)
    {
        if (Count == items.Length)
        {
            Grow();
        }

        items[Count++] = item;
    }

    public void AddRange(scoped ReadOnlySpan<T> more)
    {
        foreach (var item in more)
        {
            Add(item);
        }
    }

    public void Clear() => Count = 0;

    /// <summary>Sorts in place with the same introsort that List and ImmutableArray.Builder use, so ties land where they did.</summary>
    public readonly void Sort(Comparison<T> comparison) => items[..Count].Sort(comparison);

    public readonly ImmutableArray<T> ToImmutableArray() => ImmutableArray.Create(AsSpan());

    private void Grow()
    {
        var larger = new T[Math.Max(4, items.Length * 2)];
        items.CopyTo(larger);
        items = larger;
    }
}
