using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Scenarios.Phones;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// One JSON object of a request, read strictly: a property not in <c>known</c> is refused, never
/// ignored, and every typed read names its field when it finds the value wanting. JSON <c>null</c>
/// reads as absent.
/// </summary>
internal sealed class BodyObject
{
    private readonly Dictionary<string, JsonElement> values;
    private readonly RequestBody body;
    private readonly string path;

    private BodyObject(Dictionary<string, JsonElement> values, RequestBody body, string path)
    {
        this.values = values;
        this.body = body;
        this.path = path;
    }

    /// <summary>The object at <paramref name="path"/>; null, with a problem unless it was absent, when it is not an object.</summary>
    public static BodyObject? Open(JsonElement? element, string path, RequestBody body, string[] known, string? self = null)
    {
        if (element is not { ValueKind: not JsonValueKind.Null } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            body.Add(self ?? path, $"must be a JSON object, got {Describe(e)}");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var field = Join(path, property.Name);
            if (Array.IndexOf(known, property.Name) < 0)
            {
                body.Add(field, $"unknown property (expected one of: {string.Join(", ", known)})");
            }
            else if (!values.TryAdd(property.Name, property.Value))
            {
                body.Add(field, "is given twice");
            }
        }

        return new BodyObject(values, body, path);
    }

    public string Field(string name) => Join(path, name);

    public bool Has(string name) => Get(name) is not null;

    public BodyObject? Object(string name, params string[] known) => Open(Get(name), Field(name), body, known);

    public void Required(string name, string what)
    {
        if (!Has(name))
        {
            body.Add(Field(name), $"is required: {what}");
        }
    }

    public bool? Bool(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        body.Add(Field(name), $"must be true or false, got {Describe(e)}");
        return null;
    }

    /// <summary>A name or other short text: not blank, at most 200 characters, no control characters.</summary>
    public string? Text(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            body.Add(Field(name), $"must be a string, got {Describe(e)}");
            return null;
        }

        var text = e.GetString()!;
        if (OrganizationNames.Problem(text) is { } problem)
        {
            body.Add(Field(name), problem);
            return null;
        }

        return text;
    }

    /// <summary>An array of ids (queues, tenants): each a valid id, none twice.</summary>
    public IReadOnlyList<string>? Ids(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            body.Add(Field(name), $"must be an array of ids, got {Describe(e)}");
            return null;
        }

        var ids = new List<string>();
        var index = 0;
        foreach (var item in e.EnumerateArray())
        {
            var field = $"{Field(name)}[{index++}]";
            var id = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            var problem = id is null ? $"must be a string, got {Describe(item)}" : OrganizationNames.Problem(id);
            if (problem is not null)
            {
                body.Add(field, problem);
            }
            else if (ids.Contains(id!, StringComparer.Ordinal))
            {
                body.Add(field, $"'{id}' is given twice");
            }
            else
            {
                ids.Add(id!);
            }
        }

        return ids;
    }

    public T? Choice<T>(string name, Choices<T> choices)
        where T : struct, Enum
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.String && choices.TryGet(e.GetString()!, out var value))
        {
            return value;
        }

        body.Add(Field(name), $"must be one of {choices.List}; got {Describe(e)}");
        return null;
    }

    public PhoneNumber? Phone(string name, PhoneNumberParser phones)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            body.Add(Field(name), $"must be a phone number written as a string, got {Describe(e)}");
            return null;
        }

        if (phones.TryParse(e.GetString()!, out var number, out var problem))
        {
            return number;
        }

        body.Add(Field(name), problem);
        return null;
    }

    private JsonElement? Get(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
