using Calltrail.Calls;

namespace Calltrail.Server.Access;

/// <summary>What a role may do, modelled on the article's permissions.</summary>
public enum Permission
{
    /// <summary>See calls in either call log, with their verdicts and reasons.</summary>
    ViewCalls,

    /// <summary>Play and download recordings.</summary>
    ListenToRecordings,

    /// <summary>"Edit Call Recording Settings": contact-center defaults, queue and employee settings, the exclusion list.</summary>
    EditCallRecordingSettings,

    /// <summary>Add and change employees, their seats, direct lines and queues.</summary>
    ManageEmployees,

    /// <summary>Tracking numbers, campaigns, queues and tenants' phone settings.</summary>
    ManagePhoneSettings,

    /// <summary>Report call events (the telephony's own credential).</summary>
    ReportCallEvents,

    /// <summary>Create, list and revoke API tokens: who may call Calltrail at all.</summary>
    ManageAccess,

    /// <summary>Watch any employee's desktop stream; without it a token watches only its own employee's.</summary>
    WatchDesktops,
}

/// <summary>The names the API shows for permissions (<c>GET /api/me</c>), kebab-case like every other name it shows.</summary>
public static class PermissionNames
{
    public static readonly Choices<Permission> All = new(
        ("view-calls", Permission.ViewCalls),
        ("listen-to-recordings", Permission.ListenToRecordings),
        ("edit-call-recording-settings", Permission.EditCallRecordingSettings),
        ("manage-employees", Permission.ManageEmployees),
        ("manage-phone-settings", Permission.ManagePhoneSettings),
        ("report-call-events", Permission.ReportCallEvents),
        ("manage-access", Permission.ManageAccess),
        ("watch-desktops", Permission.WatchDesktops));
}
