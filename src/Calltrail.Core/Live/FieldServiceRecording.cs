using Calltrail.Calls;
using Calltrail.Decisions;

namespace Calltrail.Live;

/// <summary>Where the audio on a field-service call record came from.</summary>
public enum RecordingSource
{
    /// <summary>The contact center's recording, synced to the record.</summary>
    ContactCenter,

    /// <summary>The field service recorded the call itself.</summary>
    FieldService,
}

/// <summary>Why a field-service call record has no audio.</summary>
public enum NoRecordingReason
{
    /// <summary>The caller (or callee) is on the exclusion list.</summary>
    Excluded,

    /// <summary>The contact center recorded, but the tenant's settings are not "automatically" both ways.</summary>
    NotSyncedFieldServiceSettings,

    /// <summary>The tenant's own setting is "never".</summary>
    FieldServiceNever,

    /// <summary>The tenant records on demand and nobody asked.</summary>
    OnDemandNotRequested,

    /// <summary>Nothing was recorded: the setting in force said no, a transfer stopped it, or pauses covered it all.</summary>
    NotRecorded,
}

/// <summary>What a field-service call record says about its recording.</summary>
public static class FieldServiceRecording
{
    public static readonly Choices<RecordingSource> Sources = new(
        ("contact-center", RecordingSource.ContactCenter), ("field-service", RecordingSource.FieldService));

    public static readonly Choices<NoRecordingReason> Reasons = new(
        ("excluded", NoRecordingReason.Excluded),
        ("not-synced-field-service-settings", NoRecordingReason.NotSyncedFieldServiceSettings),
        ("field-service-never", NoRecordingReason.FieldServiceNever),
        ("on-demand-not-requested", NoRecordingReason.OnDemandNotRequested),
        ("not-recorded", NoRecordingReason.NotRecorded));

    public static RecordingSource? Source(Verdict verdict) =>
        !verdict.Recorded.FieldService ? null
        : verdict.SyncedToFieldService ? RecordingSource.ContactCenter
        : RecordingSource.FieldService;

    /// <summary>Why the record has no audio; null when it has some.</summary>
    public static NoRecordingReason? Missing(Verdict verdict)
    {
        if (verdict.Recorded.FieldService)
        {
            return null;
        }

        var reasons = verdict.Reasons;
        return reasons.Contains(Reason.ExcludedNumber) ? NoRecordingReason.Excluded
            : reasons.Contains(Reason.SyncRequiresAutomatically) ? NoRecordingReason.NotSyncedFieldServiceSettings
            : reasons.Contains(Reason.FieldServiceNever) ? NoRecordingReason.FieldServiceNever
            : reasons.Contains(Reason.FieldServiceOnDemand) ? NoRecordingReason.OnDemandNotRequested
            : NoRecordingReason.NotRecorded;
    }
}
