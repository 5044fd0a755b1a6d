using System.Collections.Frozen;
using Calltrail.Phones;

namespace Calltrail.Settings;

/// <summary>External numbers whose calls the contact center does not record (rules 3–5 only).</summary>
public sealed class ExclusionList
{
    private readonly FrozenSet<PhoneNumber> numbers;

    public ExclusionList(IEnumerable<PhoneNumber> numbers) => this.numbers = numbers.ToFrozenSet();

    public static ExclusionList Empty { get; } = new([]);

    public int Count => numbers.Count;

    public IEnumerable<PhoneNumber> Numbers => numbers;

    public bool Contains(PhoneNumber? number) => number is { } n && numbers.Contains(n);
}
