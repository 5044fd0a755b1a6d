namespace Calltrail.Server.Access;

/// <summary>What is wrong with a request body, by field (camelCase, <c>tenants[1]</c> for an item), for a 400 that names every problem at once.</summary>
internal sealed class FieldProblems
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
