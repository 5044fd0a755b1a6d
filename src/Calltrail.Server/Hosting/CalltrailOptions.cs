using System.ComponentModel.DataAnnotations;
using Calltrail.Scenarios.Phones;

namespace Calltrail.Server.Hosting;

/// <summary>The <c>Calltrail</c> configuration section (environment: <c>Calltrail__DataDirectory</c> and so on).</summary>
public sealed class CalltrailOptions : IValidatableObject
{
    public const string Section = "Calltrail";

    private static readonly TimeSpan MaxStreamRecheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>Where the database and recordings live; relative paths are from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The region national phone numbers are read in.</summary>
    [Required]
    public string PhoneRegion { get; set; } = "US";

    /// <summary>Create the demo organization on an empty database (the <c>--seed-demo</c> flag).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// How often an open event stream looks its token up again, ending when the token is revoked or no
    /// longer allows the stream: the longest a revoked token keeps listening.
    /// </summary>
    public TimeSpan StreamRecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PhoneNumberParser.IsSupportedRegion(PhoneRegion))
        {
            yield return new ValidationResult(
                $"Calltrail:PhoneRegion '{PhoneRegion}' is not a region code libphonenumber knows (for example US, CA, GB).",
                [nameof(PhoneRegion)]);
        }

        if (StreamRecheckInterval <= TimeSpan.Zero || StreamRecheckInterval > MaxStreamRecheckInterval)
        {
            yield return new ValidationResult(
                $"Calltrail:StreamRecheckInterval '{StreamRecheckInterval}' must be more than zero and at most {MaxStreamRecheckInterval.TotalSeconds:0} seconds: it is how long a revoked token may keep an open stream.",
                [nameof(StreamRecheckInterval)]);
        }
    }
}
