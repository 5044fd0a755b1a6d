using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>A request line or a status line (RFC 3261 §7.1, §7.2), or why it is not one.</summary>
internal sealed record SipStartLine(bool IsRequest, string Method, string RequestUri, int StatusCode, string ReasonPhrase)
{
    private const string Version = "SIP/2.0";

    /// <summary>The line's kind is decided first, so an error can still say whether it was a request.</summary>
    public static bool LooksLikeResponse(string line) => line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase);

    public static SipStartLine? Parse(string line, out HeaderFailure? failure) =>
        LooksLikeResponse(line) ? ParseStatus(line, out failure) : ParseRequest(line, out failure);

    /// <summary>The method of something shaped like a request line, even when the rest of it is bad.</summary>
    public static string? MethodOf(string line)
    {
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        string method = space < 0 ? line : line[..space];
        return !LooksLikeResponse(line) && Tokens.IsToken(method) ? method : null;
    }

    private static SipStartLine? ParseRequest(string line, out HeaderFailure? failure)
    {
        string[] parts = line.Split(' ');
        if (parts.Length != 3 || !Tokens.IsToken(parts[0]) || parts[1].Length == 0)
        {
            failure = new HeaderFailure(400, "bad request line");
            return null;
        }

        failure = CheckVersion(parts[2]) ?? CheckUri(parts[1]);
        return failure is null ? new SipStartLine(true, parts[0], parts[1], 0, string.Empty) : null;
    }

    private static SipStartLine? ParseStatus(string line, out HeaderFailure? failure)
    {
        string[] parts = line.Split(' ', 3);
        failure = CheckVersion(parts[0]);
        if (failure is not null)
        {
            return null;
        }

        if (parts.Length < 2 || parts[1].Length != 3 || !Tokens.TryParseSmallNumber(parts[1], out int status)
            || status < 100 || status > 699)
        {
            failure = new HeaderFailure(400, "bad status line");
            return null;
        }

        return new SipStartLine(false, string.Empty, string.Empty, status, parts.Length == 3 ? parts[2] : string.Empty);
    }

    private static HeaderFailure? CheckVersion(string version)
    {
        if (string.Equals(version, Version, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return LooksLikeResponse(version)
            ? new HeaderFailure(505, $"SIP version '{version}' not supported")
            : new HeaderFailure(400, "bad request line");
    }

    /// <summary>The recorder is addressed by SIP or tel URIs; anything else is refused as RFC 3261 §8.2.2.1 says.</summary>
    private static HeaderFailure? CheckUri(string uri)
    {
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        string scheme = colon <= 0 ? string.Empty : uri[..colon];
        if (scheme.Length == 0 || !char.IsAsciiLetter(scheme[0]) || !Tokens.IsToken(scheme))
        {
            return new HeaderFailure(400, "bad Request-URI");
        }

        bool supported = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
        return supported ? null : new HeaderFailure(416, $"unsupported URI scheme '{scheme}'");
    }
}
