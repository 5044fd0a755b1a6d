using Calltrail.Phones;

namespace Calltrail.Storage.Organization;

/// <summary>The marketing campaign a tracking number was bought for; category, source and medium are free text.</summary>
public sealed record Campaign(string Name, string? Category, string? Source, string? Medium);

/// <summary>A number published for one campaign: a call to it belongs to <see cref="Tenant"/>.</summary>
public sealed record TrackingNumber(PhoneNumber Number, string Tenant, Campaign Campaign);
