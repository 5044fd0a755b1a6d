using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sip;

/// <summary>The CSeq header: a sequence number below 2^31 and the method it numbers (RFC 3261 §20.16).</summary>
public readonly record struct SipCSeq(int Number, string Method)
{
    public static bool TryParse(string? value, out SipCSeq cseq)
    {
        cseq = default;
        if (value is null)
        {
            return false;
        }

        string[] parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !Tokens.IsToken(parts[1]) || !TryParseNumber(parts[0], out int number))
        {
            return false;
        }

        cseq = new SipCSeq(number, parts[1]);
        return true;
    }

    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        if (!Tokens.IsDigits(text) || text.Length > 10 || !long.TryParse(text, out long value) || value > int.MaxValue)
        {
            return false;
        }

        number = (int)value;
        return true;
    }

    public override string ToString() => $"{Number} {Method}";
}
