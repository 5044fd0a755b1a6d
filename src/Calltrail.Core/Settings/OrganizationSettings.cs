using System.Collections.Frozen;

namespace Calltrail.Settings;

/// <summary>Everything configured in both systems: the contact center's settings and each tenant's field-service settings.</summary>
public sealed record OrganizationSettings
{
    public ContactCenterSettings ContactCenter { get; init; } = ContactCenterSettings.Default;

    public IReadOnlyDictionary<string, FieldServiceSettings> FieldService { get; init; } =
        FrozenDictionary<string, FieldServiceSettings>.Empty;

    public static OrganizationSettings Default { get; } = new();
}
