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
}

/// <summary>Roles and the permissions each holds.</summary>
public static class Roles
{
    public const string Administrator = "administrator";

    private static readonly Dictionary<string, Permission[]> Granted = new(StringComparer.Ordinal)
    {
        [Administrator] = Enum.GetValues<Permission>(),
    };

    public static IReadOnlyCollection<Permission> PermissionsOf(string role) =>
        Granted.TryGetValue(role, out var permissions) ? permissions : [];

    public static string PolicyName(Permission permission) => $"permission:{permission}";
}
