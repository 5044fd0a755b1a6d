using Calltrail.Phones;
using PhoneNumbers;
using LibPhoneNumber = PhoneNumbers.PhoneNumber;

namespace Calltrail.Scenarios.Phones;

/// <summary>
/// Reads phone numbers as people write them — <c>(555) 010-2000</c>, <c>555-010-2000</c>,
/// <c>+15550102000</c> — into E.164, reading national forms in a default region (US unless told).
/// A number must parse and have a length some numbering plan allows: <c>12</c> is refused rather than
/// quietly becoming <c>+112</c>. Validity against assigned ranges is not required (555 numbers are fictional).
/// </summary>
public sealed class PhoneNumberParser
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public PhoneNumberParser(string defaultRegion = "US")
    {
        if (!IsSupportedRegion(defaultRegion))
        {
            throw new ArgumentException($"'{defaultRegion}' is not a region code libphonenumber knows (for example US, CA, GB).", nameof(defaultRegion));
        }

        DefaultRegion = defaultRegion.ToUpperInvariant();
    }

    public string DefaultRegion { get; }

    public static bool IsSupportedRegion(string region) =>
        !string.IsNullOrEmpty(region) && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The number in E.164, or the reason it is not a phone number.</summary>
    public bool TryParse(string text, out Calltrail.Phones.PhoneNumber number, out string problem)
    {
        number = default;
        LibPhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            problem = $"'{text}' is not a phone number";
            return false;
        }

        if (!Util.IsPossibleNumber(parsed))
        {
            problem = $"'{text}' is not a phone number: no numbering plan has numbers of that length";
            return false;
        }

        number = Calltrail.Phones.PhoneNumber.FromE164(Util.Format(parsed, PhoneNumberFormat.E164));
        problem = string.Empty;
        return true;
    }
}
