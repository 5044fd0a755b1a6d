using System.Collections.Frozen;

namespace Calltrail.Settings;

/// <summary>A queue's custom setting. Queues with no entry inherit <see cref="RecordingDefaults.QueueRecord"/>.</summary>
public readonly record struct QueueSetting(bool Record);

/// <summary>An employee's custom setting; both directions are set together, as in the admin screen.</summary>
public readonly record struct UserSetting(bool Inbound, bool Outbound);

/// <summary>The organization's defaults, reaching every queue and employee that has no custom setting.</summary>
public sealed record RecordingDefaults(bool QueueRecord, bool UserInbound, bool UserOutbound)
{
    public static RecordingDefaults Default { get; } = new(QueueRecord: true, UserInbound: true, UserOutbound: true);
}

/// <summary>The contact center's recording settings: one set per organization.</summary>
public sealed record ContactCenterSettings
{
    public RecordingDefaults Defaults { get; init; } = RecordingDefaults.Default;

    /// <summary>Custom queue settings only. Being listed here is what makes a queue's value custom (sticky).</summary>
    public IReadOnlyDictionary<string, QueueSetting> Queues { get; init; } = FrozenDictionary<string, QueueSetting>.Empty;

    /// <summary>Custom employee settings only.</summary>
    public IReadOnlyDictionary<string, UserSetting> Users { get; init; } = FrozenDictionary<string, UserSetting>.Empty;

    /// <summary><c>transfers.record</c>: a recording in progress goes on after a transfer to another agent or queue.</summary>
    public bool RecordAfterTransfer { get; init; } = true;

    public ExclusionList ExclusionList { get; init; } = ExclusionList.Empty;

    public bool AnnounceRecording { get; init; }

    /// <summary>Calltrail's addition: pause on the payment screen even for calls with no tenant.</summary>
    public bool StrictPaymentPause { get; init; }

    public static ContactCenterSettings Default { get; } = new();
}
