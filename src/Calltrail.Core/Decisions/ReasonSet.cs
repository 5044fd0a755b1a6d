using System.Collections;

namespace Calltrail.Decisions;

/// <summary>An immutable set of reasons: each rule at most once, enumerated in rule-book order.</summary>
public readonly struct ReasonSet : IEquatable<ReasonSet>, IReadOnlyCollection<Reason>
{
    private readonly uint bits;

    private ReasonSet(uint bits) => this.bits = bits;

    public static ReasonSet Empty => default;

    public int Count => System.Numerics.BitOperations.PopCount(bits);

    public static ReasonSet Of(params ReadOnlySpan<Reason> reasons)
    {
        var set = Empty;
        foreach (var reason in reasons)
        {
            set = set.With(reason);
        }

        return set;
    }

    public ReasonSet With(Reason reason) => new(bits | (1u << (int)reason));

    public ReasonSet WithIf(bool condition, Reason reason) => condition ? With(reason) : this;

    public bool Contains(Reason reason) => (bits & (1u << (int)reason)) != 0;

    public IEnumerator<Reason> GetEnumerator()
    {
        for (var i = 0; i < 32; i++)
        {
            if ((bits & (1u << i)) != 0)
            {
                yield return (Reason)i;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ReasonSet other) => bits == other.bits;

    public override bool Equals(object? obj) => obj is ReasonSet other && Equals(other);

    public override int GetHashCode() => (int)bits;

    public static bool operator ==(ReasonSet left, ReasonSet right) => left.Equals(right);

    public static bool operator !=(ReasonSet left, ReasonSet right) => !left.Equals(right);

    public override string ToString() => string.Join(", ", this.Select(r => r.Id()));
}
