using System.Globalization;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// What a received call id may be. It names the call in URLs (<c>/api/calls/{id}</c>), logs and
/// recordings, so it is short, printable and one path segment: an id of spaces, a NUL or <c>..</c>
/// would be stored and then could not be fetched, or would mean something else on the way.
/// </summary>
public static class CallIds
{
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="id"/> is refused; null if it is not.</summary>
    public static string? Problem(string id)
    {
        if (id.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters, got {id.Length}";
        }

        if (id is "." or "..")
        {
            return "must not be '.' or '..'";
        }

        foreach (var c in id)
        {
            if (c is '/' or '\\')
            {
                return "must not contain '/' or '\\': a call id is one path segment";
            }

            if (!IsPrintable(c))
            {
                return $"must be printable characters without spaces; U+{(int)c:X4} is not";
            }
        }

        return null;
    }

    private static bool IsPrintable(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        // A surrogate is printable only as half of a pair; a lone one never gets this far (the body reader refuses it).
        _ => true,
    };
}
