using Calltrail.Server.Access;

namespace Calltrail.Server.Tests.Organization;

/// <summary>Every organization endpoint with a valid body, the permission it needs and whether it is organization-wide.</summary>
internal static class OrganizationEndpoints
{
    public static readonly (string Method, string Url, string? Body, Permission Needs, bool WholeOrganization)[] All =
    [
        ("GET", "/api/tenants", null, Permission.ViewCalls, false),
        ("GET", "/api/tenants/north", null, Permission.ViewCalls, false),
        ("PUT", "/api/tenants/north", """{"name": "North"}""", Permission.ManagePhoneSettings, false),
        ("PUT", "/api/tenants/north/field-service", """{"inbound": "never"}""", Permission.EditCallRecordingSettings, false),
        ("DELETE", "/api/tenants/north", null, Permission.ManagePhoneSettings, false),
        ("GET", "/api/tracking-numbers", null, Permission.ViewCalls, false),
        ("GET", "/api/tracking-numbers/+15550142000", null, Permission.ViewCalls, false),
        ("PUT", "/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "Mailer"}}""", Permission.ManagePhoneSettings, false),
        ("DELETE", "/api/tracking-numbers/+15550142000", null, Permission.ManagePhoneSettings, false),
        ("GET", "/api/queues", null, Permission.ViewCalls, true),
        ("GET", "/api/queues/sales", null, Permission.ViewCalls, true),
        ("PUT", "/api/queues/sales", """{"name": "Sales"}""", Permission.ManagePhoneSettings, true),
        ("DELETE", "/api/queues/sales", null, Permission.ManagePhoneSettings, true),
        ("PUT", "/api/queues/sales/recording", """{"record": false}""", Permission.EditCallRecordingSettings, true),
        ("DELETE", "/api/queues/sales/recording", null, Permission.EditCallRecordingSettings, true),
        ("GET", "/api/employees", null, Permission.ViewCalls, true),
        ("GET", "/api/employees/ana", null, Permission.ViewCalls, true),
        ("PUT", "/api/employees/ana", """{"name": "Ana"}""", Permission.ManageEmployees, true),
        ("DELETE", "/api/employees/ana", null, Permission.ManageEmployees, true),
        ("PUT", "/api/employees/ana/recording", """{"inbound": false, "outbound": true}""", Permission.EditCallRecordingSettings, true),
        ("DELETE", "/api/employees/ana/recording", null, Permission.EditCallRecordingSettings, true),
        ("GET", "/api/settings/contact-center", null, Permission.ViewCalls, true),
        ("PATCH", "/api/settings/contact-center", """{"announceRecording": true}""", Permission.EditCallRecordingSettings, true),
        ("GET", "/api/exclusion-list", null, Permission.ViewCalls, true),
        ("POST", "/api/exclusion-list", """{"number": "+15550109999"}""", Permission.EditCallRecordingSettings, true),
        ("DELETE", "/api/exclusion-list/+15550109999", null, Permission.EditCallRecordingSettings, true),
        ("GET", "/api/settings/audit", null, Permission.ViewCalls, true),
        ("GET", "/api/settings", null, Permission.ViewCalls, true),
        ("PUT", "/api/settings", """{"settings": {}, "employees": {}}""", Permission.EditCallRecordingSettings, true),
    ];

    public static TheoryData<string, string, string?> Each() => Data(All);

    public static TheoryData<string, string, string?> WithBodies() => Data(All.Where(e => e.Body is not null));

    public static TheoryData<string, string, string?> WholeOrganization() => Data(All.Where(e => e.WholeOrganization));

    /// <summary>Each endpoint with every role that lacks the permission it needs.</summary>
    public static TheoryData<string, string, string?, string> WithRolesLackingThePermission()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var (method, url, body, needs, _) in All)
        {
            foreach (var role in Roles.All.Where(r => !Roles.PermissionsOf(r).Contains(needs)))
            {
                data.Add(method, url, body, role);
            }
        }

        return data;
    }

    private static TheoryData<string, string, string?> Data(IEnumerable<(string Method, string Url, string? Body, Permission Needs, bool WholeOrganization)> endpoints)
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var (method, url, body, _, _) in endpoints)
        {
            data.Add(method, url, body);
        }

        return data;
    }
}
