using System.Collections;

namespace Calltrail.Recorder.Sip;

/// <summary>Headers in the order received; lookups ignore the case of names, as RFC 3261 §7.3.1 requires.</summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    public static readonly SipHeaders Empty = new([]);

    private readonly List<SipHeader> headers;

    public SipHeaders(IEnumerable<SipHeader> headers)
    {
        this.headers = [.. headers];
    }

    public int Count => headers.Count;

    public SipHeader this[int index] => headers[index];

    /// <summary>The value of the first header with this name, or null.</summary>
    public string? First(string name)
    {
        foreach (SipHeader header in headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>The values of every header with this name, in order (a comma-joined value stays one entry).</summary>
    public IReadOnlyList<string> All(string name) =>
        [.. headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    public bool Contains(string name) => First(name) is not null;

    public IEnumerator<SipHeader> GetEnumerator() => headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
