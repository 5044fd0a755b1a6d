using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

// Dapper reads into these mutable rows (SQLite hands booleans back as integers, which only settable
// properties convert); the store turns them into the immutable public records at once.

internal sealed class ContactCenterRow
{
    public bool QueueRecord { get; set; } = RecordingDefaults.Default.QueueRecord;

    public bool UserInbound { get; set; } = RecordingDefaults.Default.UserInbound;

    public bool UserOutbound { get; set; } = RecordingDefaults.Default.UserOutbound;

    public bool TransfersRecord { get; set; } = ContactCenterSettings.Default.RecordAfterTransfer;

    public bool AnnounceRecording { get; set; } = ContactCenterSettings.Default.AnnounceRecording;

    public bool StrictPaymentPause { get; set; } = ContactCenterSettings.Default.StrictPaymentPause;

    public RecordingDefaults Defaults => new(QueueRecord, UserInbound, UserOutbound);

    public ContactCenterRow With(ContactCenterChange change) => new()
    {
        QueueRecord = change.QueueRecord ?? QueueRecord,
        UserInbound = change.UserInbound ?? UserInbound,
        UserOutbound = change.UserOutbound ?? UserOutbound,
        TransfersRecord = change.TransfersRecord ?? TransfersRecord,
        AnnounceRecording = change.AnnounceRecording ?? AnnounceRecording,
        StrictPaymentPause = change.StrictPaymentPause ?? StrictPaymentPause,
    };
}

internal sealed class TenantRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Inbound { get; set; } = "";

    public string Outbound { get; set; } = "";

    public bool UsesContactCenter { get; set; }

    public bool ContinuityEnabled { get; set; }

    public string ContinuityDestination { get; set; } = "";

    public static TenantRow From(Tenant tenant) => new()
    {
        Id = tenant.Id,
        Name = tenant.Name,
        Inbound = ContractNames.RecordingModes.NameOf(tenant.FieldService.Inbound),
        Outbound = ContractNames.RecordingModes.NameOf(tenant.FieldService.Outbound),
        UsesContactCenter = tenant.FieldService.UsesContactCenter,
        ContinuityEnabled = tenant.FieldService.Continuity.Enabled,
        ContinuityDestination = ContractNames.ContinuityDestinations.NameOf(tenant.FieldService.Continuity.Destination),
    };

    public Tenant ToTenant() => new(Id, Name, new FieldServiceSettings
    {
        Inbound = Mode(Inbound),
        Outbound = Mode(Outbound),
        UsesContactCenter = UsesContactCenter,
        Continuity = new Continuity(ContinuityEnabled, Destination(ContinuityDestination)),
    });

    private static RecordingMode Mode(string name) =>
        ContractNames.RecordingModes.TryGet(name, out var mode) ? mode : throw Corrupt("recording mode", name);

    private static ContinuityDestination Destination(string name) =>
        ContractNames.ContinuityDestinations.TryGet(name, out var destination) ? destination : throw Corrupt("continuity destination", name);

    private static InvalidOperationException Corrupt(string what, string value) =>
        new($"The tenants table holds '{value}', which is not a {what}.");
}

internal sealed class TrackingNumberRow
{
    public string Number { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Campaign { get; set; } = "";

    public string? Category { get; set; }

    public string? Source { get; set; }

    public string? Medium { get; set; }

    public static TrackingNumberRow From(TrackingNumber number) => new()
    {
        Number = number.Number.E164,
        TenantId = number.Tenant,
        Campaign = number.Campaign.Name,
        Category = number.Campaign.Category,
        Source = number.Campaign.Source,
        Medium = number.Campaign.Medium,
    };

    public TrackingNumber ToTrackingNumber() =>
        new(PhoneNumber.FromE164(Number), TenantId, new Campaign(Campaign, Category, Source, Medium));
}

internal sealed class QueueRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public bool? CustomRecord { get; set; }
}

internal sealed class EmployeeRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Seat { get; set; }

    public string? DirectLine { get; set; }

    public string? Role { get; set; }

    public bool? CustomInbound { get; set; }

    public bool? CustomOutbound { get; set; }

    public UserSetting? Custom =>
        CustomInbound is { } inbound && CustomOutbound is { } outbound ? new UserSetting(inbound, outbound) : null;

    public EmployeeDetails Details(IReadOnlyList<string> queues) =>
        new(Name, Seat, DirectLine is null ? null : PhoneNumber.FromE164(DirectLine), queues, Role);
}

internal sealed class MembershipRow
{
    public string EmployeeId { get; set; } = "";

    public string QueueId { get; set; } = "";
}

internal sealed class ExclusionRow
{
    public string Number { get; set; } = "";

    public string AddedBy { get; set; } = "";

    public long AddedAt { get; set; }

    public ExclusionEntry ToEntry() => new(PhoneNumber.FromE164(Number), AddedBy, AddedAt);
}

internal sealed class AuditRow
{
    public long Id { get; set; }

    public long At { get; set; }

    public string Actor { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public AuditEntry ToEntry() => new(Id, At, Actor, Subject, Before, After);
}
