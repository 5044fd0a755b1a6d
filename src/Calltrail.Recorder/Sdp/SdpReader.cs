namespace Calltrail.Recorder.Sdp;

/// <summary>
/// Reads SDP line by line: session fields until the first m=, then one section per m=. Lines end with CRLF or,
/// tolerated, LF; blank lines are skipped; unknown line types are ignored as RFC 4566 §5 allows.
/// </summary>
internal sealed class SdpReader
{
    public const int MaxCharacters = 64 * 1024;
    public const int MaxMedia = 64;

    private readonly MediaAttributes sessionAttributes = new();
    private readonly List<(MediaLine Line, SdpConnection? Connection, MediaAttributes Attributes)> media = [];
    private SdpOrigin? origin;
    private string sessionName = string.Empty;
    private SdpConnection? sessionConnection;

    public static ParseResult<SessionDescription> Read(string text)
    {
        if (text.Length > MaxCharacters)
        {
            return ParseResult<SessionDescription>.Fail($"SDP longer than {MaxCharacters} characters");
        }

        var reader = new SdpReader();
        string? error = reader.ReadLines(text.Split('\n'));
        return error is null ? ParseResult<SessionDescription>.Ok(reader.Build()) : ParseResult<SessionDescription>.Fail(error);
    }

    private string? ReadLines(string[] lines)
    {
        bool sawVersion = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                return $"line {i + 1}: expected 'x=value'";
            }

            if (!sawVersion && line != "v=0")
            {
                return $"line {i + 1}: expected v=0 first";
            }

            sawVersion = true;
            if (line[0] == 'm')
            {
                string? mediaError = ReadMedia(line[2..]);
                if (mediaError is not null)
                {
                    return $"m= line {media.Count + 1}: {mediaError}";
                }

                continue;
            }

            string? error = ReadLine(line[0], line[2..]);
            if (error is not null)
            {
                return media.Count == 0 ? $"line {i + 1}: {error}" : $"m= line {media.Count}: {error}";
            }
        }

        return sawVersion ? null : "empty SDP";
    }

    private string? ReadLine(char type, string value) => type switch
    {
        'o' => ReadOrigin(value),
        's' => SetSessionName(value),
        'c' => ReadConnection(value),
        'a' => (media.Count == 0 ? sessionAttributes : media[^1].Attributes).Add(value),
        _ => null,
    };

    private string? ReadOrigin(string value)
    {
        string[] fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return "o= needs 6 fields";
        }

        origin = new SdpOrigin(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        return null;
    }

    private string? SetSessionName(string value)
    {
        sessionName = value;
        return null;
    }

    private string? ReadConnection(string value)
    {
        string[] fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return "bad c= line";
        }

        var connection = new SdpConnection(fields[0], fields[1], fields[2]);
        if (media.Count == 0)
        {
            sessionConnection = connection;
        }
        else
        {
            media[^1] = media[^1] with { Connection = connection };
        }

        return null;
    }

    private string? ReadMedia(string value)
    {
        if (media.Count == MaxMedia)
        {
            return $"more than {MaxMedia} m= lines";
        }

        MediaLine? line = MediaLine.Parse(value, out string? error);
        if (line is null)
        {
            return error;
        }

        media.Add((line, null, new MediaAttributes()));
        return null;
    }

    private SessionDescription Build()
    {
        List<MediaDescription> built = [.. media.Select(m => new MediaDescription(m.Line, m.Connection, sessionConnection, sessionAttributes.Direction, m.Attributes))];
        return new SessionDescription(origin, sessionName, sessionConnection, sessionAttributes, built);
    }
}
