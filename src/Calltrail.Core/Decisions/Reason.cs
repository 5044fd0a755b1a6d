namespace Calltrail.Decisions;

/// <summary>The rules of behavior.md, one member each, in the order that page lists them.</summary>
public enum Reason
{
    InternalCall,
    Continuity,
    TenantWithoutContactCenter,
    NonSeatUser,
    FieldServiceAutomatically,
    FieldServiceOnDemand,
    FieldServiceNever,
    VirtualAgentAlwaysRecorded,
    ExternalForwardAlwaysRecorded,
    QueueCustomSetting,
    QueueDefaultSetting,
    UserCustomSetting,
    UserDefaultSetting,
    ExcludedNumber,
    TransferContinuesRecording,
    TransferStopsRecording,
    NoTenantNotLoggedInFieldService,
    SyncRequiresAutomatically,
    SyncedToFieldService,
    NoTenantNoAutoPause,
    StrictPaymentPause,
    PaymentPause,
    ManualPause,
    AnnounceRecording,
}

/// <summary>The rule ids of the contract (behavior.md, "Reasons").</summary>
public static class ReasonIds
{
    private static readonly string[] Ids =
    [
        "internal-call", "continuity", "tenant-without-contact-center", "non-seat-user",
        "field-service-automatically", "field-service-on-demand", "field-service-never",
        "virtual-agent-always-recorded", "external-forward-always-recorded", "queue-custom-setting",
        "queue-default-setting", "user-custom-setting", "user-default-setting", "excluded-number",
        "transfer-continues-recording", "transfer-stops-recording", "no-tenant-not-logged-in-field-service",
        "sync-requires-automatically", "synced-to-field-service", "no-tenant-no-auto-pause",
        "strict-payment-pause", "payment-pause", "manual-pause", "announce-recording",
    ];

    public static IReadOnlyList<Reason> All { get; } = Enum.GetValues<Reason>();

    public static string Id(this Reason reason) => Ids[(int)reason];

    public static bool TryParse(string id, out Reason reason)
    {
        var index = Array.IndexOf(Ids, id);
        reason = (Reason)Math.Max(index, 0);
        return index >= 0;
    }
}
