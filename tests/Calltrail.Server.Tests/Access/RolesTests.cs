using Calltrail.Server.Access;

namespace Calltrail.Server.Tests.Access;

public class RolesTests
{
    public static TheoryData<string, Permission[]> Table => new()
    {
        { "administrator", Enum.GetValues<Permission>() },
        {
            "manager",
            [Permission.ViewCalls, Permission.ListenToRecordings, Permission.EditCallRecordingSettings, Permission.ManageEmployees, Permission.ManagePhoneSettings, Permission.WatchDesktops]
        },
        { "supervisor", [Permission.ViewCalls, Permission.ListenToRecordings, Permission.WatchDesktops] },
        { "agent", [Permission.ViewCalls] },
        { "telephony", [Permission.ReportCallEvents] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void PermissionsOf_EachRole_MatchesTheDocumentedTable(string role, Permission[] expected)
    {
        Assert.Equal(expected.Order(), Roles.PermissionsOf(role).Order());
    }

    [Fact]
    public void ManageAccess_IsHeldByAdministratorsOnly()
    {
        Assert.Equal(["administrator"], Roles.All.Where(r => Roles.PermissionsOf(r).Contains(Permission.ManageAccess)));
    }

    [Fact]
    public void PermissionsOf_UnknownRole_IsNothing()
    {
        Assert.Empty(Roles.PermissionsOf("owner"));
        Assert.False(Roles.IsKnown("owner"));
    }

    [Fact]
    public void EveryPermission_HasAnApiName()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Matches("^[a-z]+(-[a-z]+)*$", PermissionNames.All.NameOf(p)));
    }
}
