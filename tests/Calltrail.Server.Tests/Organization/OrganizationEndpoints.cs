namespace Calltrail.Server.Tests.Organization;

/// <summary>Every organization endpoint with a valid body, for the checks that hold for all of them.</summary>
internal static class OrganizationEndpoints
{
    public static readonly (string Method, string Url, string? Body)[] All =
    [
        ("GET", "/api/tenants", null),
        ("GET", "/api/tenants/north", null),
        ("PUT", "/api/tenants/north", """{"name": "North"}"""),
        ("PUT", "/api/tenants/north/field-service", """{"inbound": "never"}"""),
        ("DELETE", "/api/tenants/north", null),
        ("GET", "/api/tracking-numbers", null),
        ("GET", "/api/tracking-numbers/+15550142000", null),
        ("PUT", "/api/tracking-numbers/+15550142000", """{"tenant": "north", "campaign": {"name": "Mailer"}}"""),
        ("DELETE", "/api/tracking-numbers/+15550142000", null),
        ("GET", "/api/queues", null),
        ("GET", "/api/queues/sales", null),
        ("PUT", "/api/queues/sales", """{"name": "Sales"}"""),
        ("DELETE", "/api/queues/sales", null),
        ("PUT", "/api/queues/sales/recording", """{"record": false}"""),
        ("DELETE", "/api/queues/sales/recording", null),
        ("GET", "/api/employees", null),
        ("GET", "/api/employees/ana", null),
        ("PUT", "/api/employees/ana", """{"name": "Ana"}"""),
        ("DELETE", "/api/employees/ana", null),
        ("PUT", "/api/employees/ana/recording", """{"inbound": false, "outbound": true}"""),
        ("DELETE", "/api/employees/ana/recording", null),
        ("GET", "/api/settings/contact-center", null),
        ("PATCH", "/api/settings/contact-center", """{"announceRecording": true}"""),
        ("GET", "/api/exclusion-list", null),
        ("POST", "/api/exclusion-list", """{"number": "+15550109999"}"""),
        ("DELETE", "/api/exclusion-list/+15550109999", null),
        ("GET", "/api/settings/audit", null),
        ("GET", "/api/settings", null),
        ("PUT", "/api/settings", """{"settings": {}, "employees": {}}"""),
    ];

    public static TheoryData<string, string, string?> Each() => Data(All);

    public static TheoryData<string, string, string?> WithBodies() => Data(All.Where(e => e.Body is not null));

    private static TheoryData<string, string, string?> Data(IEnumerable<(string Method, string Url, string? Body)> endpoints)
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var (method, url, body) in endpoints)
        {
            data.Add(method, url, body);
        }

        return data;
    }
}
