using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>Reads <c>;name=value</c> parameters from header values (Via, From, To, Content-Type).</summary>
public static class SipParameters
{
    /// <summary>
    /// The value of parameter <paramref name="name"/> among <paramref name="pieces"/> (already split on
    /// <c>;</c>, the first piece being the header's main value): unquoted, "" for a flag, null when absent.
    /// </summary>
    public static string? Find(IReadOnlyList<string> pieces, string name)
    {
        for (int i = 1; i < pieces.Count; i++)
        {
            string piece = pieces[i];
            int equals = piece.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? piece : piece[..equals]).Trim();
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? string.Empty : Tokens.Unquote(piece[(equals + 1)..].Trim());
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>tag</c> of a From or To value. Parameters after <c>&gt;</c> belong to the header; without angle
    /// brackets every parameter does (RFC 3261 §20.10), so a URI's own parameters are never mistaken for it.
    /// </summary>
    public static string? Tag(string? nameAddress)
    {
        if (nameAddress is null)
        {
            return null;
        }

        int close = ClosingAngle(nameAddress);
        string parameters = close < 0 ? nameAddress : "x" + nameAddress[(close + 1)..];
        return NonEmpty(Find(Tokens.SplitOutsideQuotes(parameters, ';'), "tag"));
    }

    /// <summary>The <c>branch</c> of one Via value.</summary>
    public static string? Branch(string via) => NonEmpty(Find(Tokens.SplitOutsideQuotes(via, ';'), "branch"));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The index of the <c>&gt;</c> closing the address, skipping a quoted display name; -1 when none.</summary>
    private static int ClosingAngle(string value)
    {
        bool quoted = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '<')
            {
                int close = value.IndexOf('>', i + 1);
                return close;
            }
        }

        return -1;
    }
}
