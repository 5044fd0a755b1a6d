using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>A field-service account (one per brand or location) and its own recording settings.</summary>
public sealed record Tenant(string Id, string Name, FieldServiceSettings FieldService);
