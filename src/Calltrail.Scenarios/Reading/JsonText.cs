using System.Text.Json;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// JsonDocument parses a string holding invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) but throws
/// when the string is read. The readers check the whole document once, up front, so such a body is refused
/// as a problem of <c>(body)</c> instead of failing halfway through reading it.
/// </summary>
public static class JsonText
{
    public const string NotUnicode = "holds text that is not valid Unicode (invalid UTF-8 or a lone surrogate escape)";

    /// <summary>True when every string value and property name in <paramref name="element"/> can be read as text.</summary>
    public static bool IsReadable(JsonElement element)
    {
        try
        {
            return AllReadable(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Recursion is bounded by the document's MaxDepth.
    private static bool AllReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (!AllReadable(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    _ = property.Name;
                    if (!AllReadable(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
