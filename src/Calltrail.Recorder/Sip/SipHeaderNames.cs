namespace Calltrail.Recorder.Sip;

/// <summary>Header names the recorder reads, and the compact forms of RFC 3261 §7.3.3 expanded to them.</summary>
public static class SipHeaderNames
{
    public const string CallId = "Call-ID";
    public const string From = "From";
    public const string To = "To";
    public const string Via = "Via";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Supported = "Supported";
    public const string Subject = "Subject";
    public const string MaxForwards = "Max-Forwards";

    /// <summary>The full name for a one-letter compact form; any other name comes back unchanged.</summary>
    public static string Expand(string name)
    {
        if (name.Length != 1)
        {
            return name;
        }

        return char.ToLowerInvariant(name[0]) switch
        {
            'i' => CallId,
            'f' => From,
            't' => To,
            'v' => Via,
            'm' => Contact,
            'l' => ContentLength,
            'c' => ContentType,
            'k' => Supported,
            's' => Subject,
            _ => name,
        };
    }
}
