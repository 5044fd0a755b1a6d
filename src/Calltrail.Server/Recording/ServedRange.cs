using System.Globalization;

namespace Calltrail.Server.Recording;

/// <summary>
/// What part of a recording's audio a request is served, decided once, before anything is served, so
/// the access log says exactly what was heard. Only byte ranges are served, one at a time (RFC 9110
/// §14): any other unit, a malformed range, several ranges, or an <c>If-Range</c> (the audio carries no
/// validator it could match) is answered with the whole file; a range past the end is refused (416).
/// </summary>
internal abstract record ServedRange
{
    private ServedRange()
    {
    }

    /// <summary>The whole file, 200.</summary>
    public sealed record Whole : ServedRange;

    /// <summary>Bytes <see cref="From"/> to <see cref="To"/> inclusive, 206.</summary>
    public sealed record Slice(long From, long To) : ServedRange
    {
        /// <summary>The range as the access log and the response's own range processing read it: bounded, never the raw header.</summary>
        public string Header => string.Create(CultureInfo.InvariantCulture, $"bytes={From}-{To}");
    }

    /// <summary>Nothing: the range starts past the end, 416.</summary>
    public sealed record Unsatisfiable : ServedRange;

    public static ServedRange Of(string? range, bool hasIfRange, long length)
    {
        if (string.IsNullOrWhiteSpace(range) || hasIfRange)
        {
            return new Whole();
        }

        var equals = range.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || !range.AsSpan(0, equals).Trim().Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return new Whole();
        }

        var spec = range.AsSpan(equals + 1).Trim();
        if (spec.Contains(',') || spec.IndexOf('-') is not (var dash and >= 0))
        {
            return new Whole();
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.IsEmpty)
        {
            return Number(last) is { } suffix ? Suffix(suffix, length) : new Whole();
        }

        if (Number(first) is not { } from || (last.IsEmpty ? long.MaxValue : Number(last)) is not { } to || to < from)
        {
            return new Whole();
        }

        return from >= length ? new Unsatisfiable() : new Slice(from, Math.Min(to, length - 1));
    }

    private static ServedRange Suffix(long suffix, long length) =>
        suffix == 0 || length == 0 ? new Unsatisfiable() : new Slice(Math.Max(0, length - suffix), length - 1);

    /// <summary>Digits only (no sign, no spaces inside), and small enough for a long; anything else is no number.</summary>
    private static long? Number(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.IndexOfAnyExceptInRange('0', '9') < 0
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
