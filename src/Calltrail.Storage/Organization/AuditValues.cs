using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Calltrail.Phones;
using Calltrail.Scenarios.Writing;
using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>The audit's subjects and the JSON it keeps for each value, in the scenario format's spelling where there is one.</summary>
internal static class AuditValues
{
    public const string Defaults = "contact-center.defaults";
    public const string Transfers = "contact-center.transfers";
    public const string Announce = "contact-center.announceRecording";
    public const string StrictPause = "contact-center.strictPaymentPause";

    public static string TenantSubject(string id) => $"tenant:{id}";

    public static string FieldServiceSubject(string id) => $"tenant:{id}.fieldService";

    public static string TrackingNumberSubject(PhoneNumber number) => $"tracking-number:{number.E164}";

    public static string QueueSubject(string id) => $"queue:{id}";

    public static string QueueRecordingSubject(string id) => $"queue:{id}.recording";

    public static string EmployeeSubject(string id) => $"employee:{id}";

    public static string EmployeeRecordingSubject(string id) => $"employee:{id}.recording";

    public static string ExclusionSubject(PhoneNumber number) => $"exclusion-list:{number.E164}";

    public static string? Tenant(Tenant? tenant) => tenant is null ? null : Write(w => w.WriteString("name", tenant.Name));

    public static string? FieldService(FieldServiceSettings? fs) => fs is null ? null : Json(w => OrganizationJson.WriteFieldService(w, fs));

    public static string? TrackingNumber(TrackingNumber? number) => number is null ? null : Write(w =>
    {
        w.WriteString("tenant", number.Tenant);
        w.WriteStartObject("campaign");
        w.WriteString("name", number.Campaign.Name);
        w.WriteString("category", number.Campaign.Category);
        w.WriteString("source", number.Campaign.Source);
        w.WriteString("medium", number.Campaign.Medium);
        w.WriteEndObject();
    });

    public static string? Queue(string? name) => name is null ? null : Write(w => w.WriteString("name", name));

    /// <summary>A queue's custom setting; null while it inherits the default.</summary>
    public static string? QueueRecording(bool? custom) => custom is { } record ? Write(w => w.WriteBoolean("record", record)) : null;

    public static string? Employee(EmployeeDetails? employee) => employee is null ? null : Write(w =>
    {
        w.WriteString("name", employee.Name);
        w.WriteBoolean("seat", employee.Seat);
        w.WriteString("directLine", employee.DirectLine?.E164);
        w.WriteStartArray("queues");
        foreach (var queue in employee.Queues.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(queue);
        }

        w.WriteEndArray();
        w.WriteString("role", employee.Role);
    });

    /// <summary>An employee's custom setting; null while they inherit the defaults.</summary>
    public static string? EmployeeRecording(UserSetting? custom) => custom is { } setting ? Write(w =>
    {
        w.WriteBoolean("inbound", setting.Inbound);
        w.WriteBoolean("outbound", setting.Outbound);
    }) : null;

    public static string RecordingDefaults(RecordingDefaults defaults) => Write(w =>
    {
        w.WriteStartObject("queue");
        w.WriteBoolean("record", defaults.QueueRecord);
        w.WriteEndObject();
        w.WriteStartObject("user");
        w.WriteBoolean("inbound", defaults.UserInbound);
        w.WriteBoolean("outbound", defaults.UserOutbound);
        w.WriteEndObject();
    });

    public static string TransfersRecord(bool record) => Write(w => w.WriteBoolean("record", record));

    public static string Flag(bool value) => value ? "true" : "false";

    /// <summary>A number on the exclusion list is kept as itself; null when it is not on the list.</summary>
    public static string? Exclusion(PhoneNumber? number) => number is { } n ? Json(w => w.WriteStringValue(n.E164)) : null;

    private static string Write(Action<Utf8JsonWriter> properties) => Json(w =>
    {
        w.WriteStartObject();
        properties(w);
        w.WriteEndObject();
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        // Kept as text for people to read, never embedded in HTML: '+' and '&' stay as they are.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
