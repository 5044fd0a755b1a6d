using Calltrail.Decisions;

namespace Calltrail.Explaining;

/// <summary>Each rule in plain words, for the explain output, the API and the admin pages.</summary>
public static class ReasonText
{
    public static string Describe(Reason reason) => reason switch
    {
        Reason.InternalCall => "Both parties are employees. Internal calls are not recorded and appear in neither call log.",
        Reason.Continuity => "Call Continuity is on for the tenant: the contact center is bypassed, the field-service settings apply and only the field service logs the call.",
        Reason.TenantWithoutContactCenter => "The tracking number belongs to a tenant that does not use the contact center, so the field service handles, records and logs the call with its own settings.",
        Reason.NonSeatUser => "The call was placed from the field service by an employee with no contact-center seat, so the field-service settings apply and only the field service logs it.",
        Reason.FieldServiceAutomatically => "The tenant's field-service setting for this direction is 'automatically': recorded from the start.",
        Reason.FieldServiceOnDemand => "The tenant's field-service setting for this direction is 'on-demand': recorded only from the moment a person pressed record.",
        Reason.FieldServiceNever => "The tenant's field-service setting for this direction is 'never': not recorded.",
        Reason.VirtualAgentAlwaysRecorded => "The virtual agent handled the call. Virtual-agent calls are always recorded, whatever the settings and even for numbers on the exclusion list.",
        Reason.ExternalForwardAlwaysRecorded => "The contact center forwarded the call to an external number. Forwarded calls are always recorded from the forward to the end, whatever the settings and even for numbers on the exclusion list.",
        Reason.QueueCustomSetting => "The queue has its own (custom) recording setting, and it decided.",
        Reason.QueueDefaultSetting => "The queue has no custom recording setting, so the contact center's default for queues decided.",
        Reason.UserCustomSetting => "The employee has their own (custom) recording setting for this direction, and it decided.",
        Reason.UserDefaultSetting => "The employee has no custom recording setting, so the contact center's default for employees decided.",
        Reason.ExcludedNumber => "The outside party's number is on the exclusion list, so the call was not recorded although the settings said to.",
        Reason.TransferContinuesRecording => "The call was transferred to another agent or queue and 'record after transfer' is on, so the recording went on.",
        Reason.TransferStopsRecording => "The call was transferred to another agent or queue and 'record after transfer' is off, so the recording stopped at the transfer.",
        Reason.NoTenantNotLoggedInFieldService => "No tenant is linked to the call (a direct-line or keypad call), so it appears in the contact center's call log only.",
        Reason.SyncRequiresAutomatically => "The recording stays in the contact center: it reaches the field-service call record only when the tenant's field-service recording is 'automatically' for both inbound and outbound calls, and it is not.",
        Reason.SyncedToFieldService => "The tenant's field-service recording is 'automatically' both ways, so the contact center's recording is copied to the field-service call record.",
        Reason.NoTenantNoAutoPause => "The payment screen was opened, but the call has no linked tenant, so nothing paused the recording: the card details may be on the recording. This payment window is flagged as unprotected.",
        Reason.StrictPaymentPause => "Strict payment pause is on, so the payment screen paused the recording even though no tenant is linked.",
        Reason.PaymentPause => "The payment screen was open, so the recording was paused while the card was taken; that stretch is silence and is listed as paused.",
        Reason.ManualPause => "A person paused the recording; that stretch is silence and is listed as paused.",
        Reason.AnnounceRecording => "The call is recorded with a person of the business on it and 'announce recording' is on, so the employee is prompted to announce the recording.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
