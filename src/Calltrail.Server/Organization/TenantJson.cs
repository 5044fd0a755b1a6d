using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Settings;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>A tenant as the API shows it.</summary>
public sealed record TenantView(string Id, string Name, FieldServiceView FieldService)
{
    internal static TenantView Of(Tenant tenant) => new(tenant.Id, tenant.Name, FieldServiceView.Of(tenant.FieldService));
}

/// <summary>A tenant's field-service settings, spelled as in the scenario format.</summary>
public sealed record FieldServiceView(string Inbound, string Outbound, bool UsesContactCenter, ContinuityView Continuity)
{
    internal static FieldServiceView Of(FieldServiceSettings fs) => new(
        ContractNames.RecordingModes.NameOf(fs.Inbound),
        ContractNames.RecordingModes.NameOf(fs.Outbound),
        fs.UsesContactCenter,
        new ContinuityView(fs.Continuity.Enabled, ContractNames.ContinuityDestinations.NameOf(fs.Continuity.Destination)));

    /// <summary>Reads the settings; as in the scenario format, a field left out takes its default.</summary>
    internal static FieldServiceSettings Read(JsonFields fields)
    {
        var continuity = fields.Object("continuity", "enabled", "destination");
        return new FieldServiceSettings
        {
            Inbound = fields.Choice("inbound", ContractNames.RecordingModes) ?? FieldServiceSettings.Default.Inbound,
            Outbound = fields.Choice("outbound", ContractNames.RecordingModes) ?? FieldServiceSettings.Default.Outbound,
            UsesContactCenter = fields.Bool("usesContactCenter") ?? FieldServiceSettings.Default.UsesContactCenter,
            Continuity = new Continuity(
                continuity?.Bool("enabled") ?? false,
                continuity?.Choice("destination", ContractNames.ContinuityDestinations) ?? ContinuityDestination.VoiceAgent),
        };
    }

    internal static readonly string[] Fields = ["inbound", "outbound", "usesContactCenter", "continuity"];
}

public sealed record ContinuityView(bool Enabled, string Destination);

/// <summary>The body of <c>PUT /api/tenants/{id}</c>.</summary>
public sealed record TenantBody(string Name, FieldServiceView? FieldService);
