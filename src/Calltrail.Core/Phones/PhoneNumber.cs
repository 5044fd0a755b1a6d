namespace Calltrail.Phones;

/// <summary>
/// A phone number in E.164 form (<c>+</c> then 2 to 15 digits). The core only compares numbers;
/// turning the ways people write them into E.164 is the job of an edge that knows numbering plans.
/// </summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string e164) => E164 = e164;

    public string E164 { get; }

    public static PhoneNumber FromE164(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        if (!IsE164(e164))
        {
            throw new ArgumentException($"'{e164}' is not in E.164 form (+ and 2 to 15 digits).", nameof(e164));
        }

        return new PhoneNumber(e164);
    }

    public static bool IsE164(string text) =>
        text.Length is >= 3 and <= 16 && text[0] == '+' && text[1] != '0' && text.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    public override string ToString() => E164;
}
