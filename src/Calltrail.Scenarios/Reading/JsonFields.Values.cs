using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Scenarios.Phones;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// The typed reads of <see cref="JsonFields"/>: each answers null when the field is absent, and null with
/// a problem naming the field when it holds the wrong thing. Rules of a particular contract (id spelling,
/// ranges, roles) stay with that contract's reader; these only check the JSON.
/// </summary>
public sealed partial class JsonFields
{
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

        problems.Add(Field(name), $"must be true or false, got {Describe(e)}");
        return null;
    }

    /// <summary>A whole number of milliseconds. Range checks (not negative, inside the call) are the validator's.</summary>
    public long? Milliseconds(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var ms))
        {
            return ms;
        }

        problems.Add(Field(name), $"must be a whole number of milliseconds, got {Describe(e)}");
        return null;
    }

    /// <summary>A string that is not empty.</summary>
    public string? Text(string name) => Text(name, static text => text.Length == 0 ? "must not be empty" : null);

    /// <summary>A string that passes <paramref name="check"/>, which answers what is wrong with it or null: the caller's own rule.</summary>
    public string? Text(string name, Func<string, string?> check)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(Field(name), $"must be a string, got {Describe(e)}");
            return null;
        }

        var text = e.GetString()!;
        if (check(text) is { } problem)
        {
            problems.Add(Field(name), problem);
            return null;
        }

        return text;
    }

    /// <summary>
    /// An array of strings (queue ids, tenant ids), none twice, each passed to <paramref name="check"/>, which
    /// answers what is wrong with one or null. <paramref name="what"/> names the array in the message when it is not one.
    /// </summary>
    public IReadOnlyList<string>? TextList(string name, string what, Func<string, string?> check)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Field(name), $"must be {what}, got {Describe(e)}");
            return null;
        }

        var texts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in e.EnumerateArray())
        {
            var field = $"{Field(name)}[{index++}]";
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            var problem = text is null ? $"must be a string, got {Describe(item)}" : check(text);
            if (problem is not null)
            {
                problems.Add(field, problem);
            }
            else if (!seen.Add(text!))
            {
                problems.Add(field, $"'{text}' is given twice");
            }
            else
            {
                texts.Add(text!);
            }
        }

        return texts;
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

        problems.Add(Field(name), $"must be one of {choices.List}; got {Describe(e)}");
        return null;
    }

    public PhoneNumber? Phone(string name, PhoneNumberParser phones) => Phone(Get(name), Field(name), problems, phones);

    /// <summary>A phone number in any common form, kept in E.164; also for the items of an array of numbers.</summary>
    public static PhoneNumber? Phone(JsonElement? element, string path, Problems problems, PhoneNumberParser phones)
    {
        if (element is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(path, $"must be a phone number written as a string, got {Describe(e)}");
            return null;
        }

        if (phones.TryParse(e.GetString()!, out var number, out var problem))
        {
            return number;
        }

        problems.Add(path, problem);
        return null;
    }
}
