namespace Calltrail.Recorder.Sip;

/// <summary>What one <see cref="SipStreamFramer.Feed"/> produced.</summary>
public sealed class SipFramerResult
{
    internal SipFramerResult(IReadOnlyList<byte[]> messages, int pings, string? error)
    {
        Messages = messages;
        Pings = pings;
        Error = error;
    }

    /// <summary>Complete messages, each exactly one start line, headers and body, ready for <see cref="SipParser"/>.</summary>
    public IReadOnlyList<byte[]> Messages { get; }

    /// <summary>RFC 5626 keep-alive pings (CRLF CRLF) seen; each deserves a CRLF pong.</summary>
    public int Pings { get; }

    /// <summary>
    /// Set once framing is lost (no Content-Length, bad Content-Length, oversized message). The stream cannot be
    /// resynchronised: answer 400 if possible and close the connection.
    /// </summary>
    public string? Error { get; }

    public bool IsFaulted => Error is not null;
}
