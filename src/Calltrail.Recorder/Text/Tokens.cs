using System.Text;

namespace Calltrail.Recorder.Text;

/// <summary>The small lexical checks shared by the SIP, MIME and SDP readers.</summary>
internal static class Tokens
{
    /// <summary>Invalid UTF-8 becomes U+FFFD instead of an exception: a peer's odd byte must not stop a call.</summary>
    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>RFC 3261 token characters: letters, digits and <c>-.!%*_+`'~</c>.</summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "-.!%*_+`'~".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A non-negative decimal of at most nine digits, so it always fits an int.</summary>
    public static bool TryParseSmallNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!IsDigits(text) || text.Length > 9)
        {
            return false;
        }

        foreach (char c in text)
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Removes one pair of surrounding double quotes and the backslash escapes inside them.</summary>
    public static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (int i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
            {
                i++;
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Splits on <paramref name="separator"/> where it is outside double quotes (and, when asked, outside
    /// angle brackets), trimming each piece and dropping empty ones.
    /// </summary>
    public static List<string> SplitOutsideQuotes(string value, char separator, bool respectAngles = false)
    {
        var pieces = new List<string>();
        bool quoted = false;
        int angles = 0;
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && respectAngles && c == '<')
            {
                angles++;
            }
            else if (!quoted && respectAngles && c == '>' && angles > 0)
            {
                angles--;
            }
            else if (c == separator && !quoted && angles == 0)
            {
                AddTrimmed(pieces, value, start, i);
                start = i + 1;
            }
        }

        AddTrimmed(pieces, value, start, value.Length);
        return pieces;
    }

    private static void AddTrimmed(List<string> pieces, string value, int start, int end)
    {
        string piece = value[start..Math.Min(end, value.Length)].Trim();
        if (piece.Length > 0)
        {
            pieces.Add(piece);
        }
    }
}
