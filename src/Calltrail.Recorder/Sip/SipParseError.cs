namespace Calltrail.Recorder.Sip;

/// <summary>
/// Why a message was refused, with what is needed to answer it. Responses and unanswerable requests
/// (<see cref="CanReply"/> false) are dropped; the rest get <see cref="StatusCode"/> via
/// <see cref="SipResponse.ToError"/>.
/// </summary>
public sealed class SipParseError
{
    internal SipParseError(int statusCode, string reason, string? method, IReadOnlyList<SipHeader> replyHeaders, bool canReply)
    {
        StatusCode = statusCode;
        Reason = reason;
        Method = method;
        ReplyHeaders = new SipHeaders(replyHeaders);
        CanReply = canReply;
    }

    /// <summary>400, 413, 416 or 505.</summary>
    public int StatusCode { get; }

    /// <summary>What is wrong, for logs and the reply's reason phrase, e.g. "missing Call-ID".</summary>
    public string Reason { get; }

    /// <summary>The request's method when the start line named one; null for responses and garbage.</summary>
    public string? Method { get; }

    /// <summary>
    /// True for a request (other than ACK, which is never answered) whose Via, From, To, Call-ID and CSeq
    /// were all read, so an error response can be built and routed back.
    /// </summary>
    public bool CanReply { get; }

    /// <summary>The Via (all, in order), From, To, Call-ID and CSeq headers that were read.</summary>
    public SipHeaders ReplyHeaders { get; }

    public override string ToString() => $"{StatusCode} {Reason}";
}
