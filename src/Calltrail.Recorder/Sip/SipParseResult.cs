using System.Diagnostics.CodeAnalysis;

namespace Calltrail.Recorder.Sip;

/// <summary>A parsed message, or the error that stopped it; never both.</summary>
public sealed class SipParseResult
{
    private SipParseResult(SipMessage? message, SipParseError? error)
    {
        Message = message;
        Error = error;
    }

    public SipMessage? Message { get; }

    public SipParseError? Error { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Message is not null;

    internal static SipParseResult Ok(SipMessage message) => new(message, null);

    internal static SipParseResult Fail(SipParseError error) => new(null, error);

    public override string ToString() => IsSuccess ? Message.ToString() : $"error {Error}";
}
