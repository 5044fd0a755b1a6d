namespace Calltrail.Server.Access;

/// <summary>
/// Roles and the permissions each holds. A token has exactly one role; the table lives here and in
/// docs/access.md, nowhere else.
/// </summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Manager = "manager";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";

    /// <summary>The switch, phone integration, payment screen and recorder: they report what happens on calls and see nothing.</summary>
    public const string Telephony = "telephony";

    private static readonly (string Role, Permission[] Permissions)[] Granted =
    [
        (Administrator, Enum.GetValues<Permission>()),
        (Manager,
        [
            Permission.ViewCalls, Permission.ListenToRecordings, Permission.EditCallRecordingSettings,
            Permission.ManageEmployees, Permission.ManagePhoneSettings, Permission.WatchDesktops,
        ]),
        (Supervisor, [Permission.ViewCalls, Permission.ListenToRecordings, Permission.WatchDesktops]),
        (Agent, [Permission.ViewCalls]),
        (Telephony, [Permission.ReportCallEvents]),
    ];

    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Granted.Select(g => g.Role)];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role's permissions; none for a role this build does not know.</summary>
    public static IReadOnlyCollection<Permission> PermissionsOf(string role)
    {
        foreach (var (name, permissions) in Granted)
        {
            if (name == role)
            {
                return permissions;
            }
        }

        return [];
    }

    public static string PolicyName(Permission permission) => $"permission:{permission}";
}
