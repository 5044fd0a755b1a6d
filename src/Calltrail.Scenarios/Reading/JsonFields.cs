using System.Text.Json;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// One JSON object of a contract, read strictly: properties outside <c>known</c> are refused (unknown
/// properties are an error, never ignored), a property given twice is refused, and every typed read
/// (JsonFields.Values.cs) names the field it found wanting. JSON <c>null</c> reads as absent. The one
/// reader for scenario files, call events and the server's request bodies, so all of them refuse alike.
/// </summary>
public sealed partial class JsonFields
{
    private readonly Dictionary<string, JsonElement> values;
    private readonly Problems problems;

    private JsonFields(Dictionary<string, JsonElement> values, string path, Problems problems)
    {
        this.values = values;
        this.problems = problems;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The object at <paramref name="path"/>, or null (with a problem unless it was simply absent).</summary>
    public static JsonFields? Open(JsonElement? element, string path, Problems problems, params string[] known)
    {
        if (element is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"must be an object, got {Describe(e)}");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var field = Problems.Join(path, property.Name);
            if (Array.IndexOf(known, property.Name) < 0)
            {
                problems.Add(field, $"unknown property (expected one of: {string.Join(", ", known)})");
            }
            else if (!values.TryAdd(property.Name, property.Value))
            {
                problems.Add(field, "is given twice");
            }
        }

        return new JsonFields(values, path, problems);
    }

    /// <summary>The entries of a JSON object used as a map from names (queues, employees, tenants) to values.</summary>
    public static IEnumerable<(string Name, JsonElement Value, string Field)> Map(JsonElement? element, string path, Problems problems)
    {
        if (element is not { } e)
        {
            yield break;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"must be an object keyed by name, got {Describe(e)}");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var field = Problems.Join(path, property.Name);
            if (property.Name.Length == 0)
            {
                problems.Add(field, "a name must not be empty");
            }
            else if (!seen.Add(property.Name))
            {
                problems.Add(field, "is given twice");
            }
            else
            {
                yield return (property.Name, property.Value, field);
            }
        }
    }

    public string Field(string name) => Problems.Join(Path, name);

    public JsonElement? Get(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The nested object <paramref name="name"/>, read as strictly; null when absent or refused.</summary>
    public JsonFields? Object(string name, params string[] known) => Open(Get(name), Field(name), problems, known);

    public void Required(string name, string what)
    {
        if (Get(name) is null)
        {
            problems.Add(Field(name), $"is required: {what}");
        }
    }

    /// <summary>What was found instead, for a message: a short value, or the kind of a value too big to quote.</summary>
    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(e.GetString()!)}\"",
        JsonValueKind.Number => Shorten(e.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
