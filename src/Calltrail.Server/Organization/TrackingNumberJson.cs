using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>A tracking number as the API shows it: E.164, its tenant and its campaign.</summary>
public sealed record TrackingNumberView(string Number, string Tenant, CampaignView Campaign)
{
    internal static TrackingNumberView Of(TrackingNumber number) => new(
        number.Number.E164,
        number.Tenant,
        new CampaignView(number.Campaign.Name, number.Campaign.Category, number.Campaign.Source, number.Campaign.Medium));
}

/// <summary>The marketing campaign: a name, and free-text category, source and medium.</summary>
public sealed record CampaignView(string Name, string? Category, string? Source, string? Medium);

/// <summary>The body of <c>PUT /api/tracking-numbers/{number}</c>.</summary>
public sealed record TrackingNumberBody(string Tenant, CampaignView Campaign);
