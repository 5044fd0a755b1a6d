namespace Calltrail.Recorder.Sessions;

/// <summary>Why a request is refused: the SIP status, its reason phrase, and what the Warning header says.</summary>
public sealed record SipRefusal(int Status, string Reason, string Warning)
{
    public static SipRefusal BadRequest(string warning) => new(400, "Bad Request", warning);

    public static SipRefusal NotAcceptableHere(string warning) => new(488, "Not Acceptable Here", warning);

    public static SipRefusal UnsupportedMediaType(string warning) => new(415, "Unsupported Media Type", warning);
}
