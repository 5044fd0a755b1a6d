using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>A change to the contact center's organization-wide settings; null leaves a setting as it is.</summary>
public sealed record ContactCenterChange(
    bool? QueueRecord = null,
    bool? UserInbound = null,
    bool? UserOutbound = null,
    bool? TransfersRecord = null,
    bool? AnnounceRecording = null,
    bool? StrictPaymentPause = null);

/// <summary>
/// The contact center's settings page: the organization-wide settings and, for every queue and
/// employee, the value in force and whether it is custom or inherited.
/// </summary>
public sealed record ContactCenterOverview(
    RecordingDefaults Defaults,
    bool RecordAfterTransfer,
    bool AnnounceRecording,
    bool StrictPaymentPause,
    IReadOnlyList<ContactCenterQueue> Queues,
    IReadOnlyList<EmployeeProfile> Employees);
