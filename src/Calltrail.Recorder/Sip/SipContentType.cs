using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>A Content-Type value: the media type in lower case without parameters, and the parameters.</summary>
public sealed class SipContentType
{
    private readonly IReadOnlyList<string> pieces;

    private SipContentType(string mediaType, IReadOnlyList<string> pieces)
    {
        MediaType = mediaType;
        this.pieces = pieces;
    }

    /// <summary>For example <c>multipart/mixed</c> or <c>application/sdp</c>.</summary>
    public string MediaType { get; }

    public string? Boundary => Parameter("boundary");

    public bool IsMultipart => MediaType.StartsWith("multipart/", StringComparison.Ordinal);

    /// <summary>A parameter's value, unquoted; null when absent.</summary>
    public string? Parameter(string name) => SipParameters.Find(pieces, name);

    /// <summary>Null when the value is not <c>type/subtype</c> with token parts.</summary>
    public static SipContentType? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        List<string> pieces = Tokens.SplitOutsideQuotes(value, ';');
        if (pieces.Count == 0)
        {
            return null;
        }

        string[] type = pieces[0].Split('/');
        if (type.Length != 2 || !Tokens.IsToken(type[0].Trim()) || !Tokens.IsToken(type[1].Trim()))
        {
            return null;
        }

        string mediaType = $"{type[0].Trim()}/{type[1].Trim()}".ToLowerInvariant();
        return new SipContentType(mediaType, pieces);
    }

    public override string ToString() => MediaType;
}
