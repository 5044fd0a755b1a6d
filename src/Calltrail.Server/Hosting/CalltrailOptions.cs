using System.ComponentModel.DataAnnotations;
using Calltrail.Scenarios.Phones;

namespace Calltrail.Server.Hosting;

/// <summary>The <c>Calltrail</c> configuration section (environment: <c>Calltrail__DataDirectory</c> and so on).</summary>
public sealed class CalltrailOptions : IValidatableObject
{
    public const string Section = "Calltrail";

    /// <summary>Where the database and recordings live; relative paths are from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The region national phone numbers are read in.</summary>
    [Required]
    public string PhoneRegion { get; set; } = "US";

    /// <summary>Create the demo organization on an empty database (the <c>--seed-demo</c> flag).</summary>
    public bool SeedDemo { get; set; }

    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PhoneNumberParser.IsSupportedRegion(PhoneRegion))
        {
            yield return new ValidationResult(
                $"Calltrail:PhoneRegion '{PhoneRegion}' is not a region code libphonenumber knows (for example US, CA, GB).",
                [nameof(PhoneRegion)]);
        }
    }
}
