using System.Text;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Settings;

namespace Calltrail.Scenarios.Writing;

/// <summary>
/// Writes an organization's recording settings and employee seats in the scenario format's own shape
/// (<c>{"settings": …, "employees": …}</c>), every field spelled out and keys sorted, so the same
/// settings always give the same text. The reader reads it back with <c>ScenarioReader.ReadOrganization</c>.
/// </summary>
public static class OrganizationJson
{
    public static string Serialize(OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees, bool indented = false)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, settings, employees);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("settings");
        WriteSettings(writer, settings);
        writer.WriteStartObject("employees");
        foreach (var (name, employee) in employees.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            writer.WriteBoolean("seat", employee.Seat);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteSettings(Utf8JsonWriter writer, OrganizationSettings settings)
    {
        writer.WriteStartObject();
        WriteContactCenter(writer, settings.ContactCenter);
        writer.WriteStartObject("fieldService");
        foreach (var (tenant, fs) in settings.FieldService.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(tenant);
            WriteFieldService(writer, fs);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteFieldService(Utf8JsonWriter writer, FieldServiceSettings fs)
    {
        writer.WriteStartObject();
        writer.WriteString("inbound", ContractNames.RecordingModes.NameOf(fs.Inbound));
        writer.WriteString("outbound", ContractNames.RecordingModes.NameOf(fs.Outbound));
        writer.WriteBoolean("usesContactCenter", fs.UsesContactCenter);
        writer.WriteStartObject("continuity");
        writer.WriteBoolean("enabled", fs.Continuity.Enabled);
        writer.WriteString("destination", ContractNames.ContinuityDestinations.NameOf(fs.Continuity.Destination));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteContactCenter(Utf8JsonWriter writer, ContactCenterSettings cc)
    {
        writer.WriteStartObject("contactCenter");
        writer.WriteStartObject("defaults");
        writer.WriteStartObject("queue");
        writer.WriteBoolean("record", cc.Defaults.QueueRecord);
        writer.WriteEndObject();
        writer.WriteStartObject("user");
        writer.WriteBoolean("inbound", cc.Defaults.UserInbound);
        writer.WriteBoolean("outbound", cc.Defaults.UserOutbound);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("queues");
        foreach (var (queue, setting) in cc.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(queue);
            writer.WriteBoolean("record", setting.Record);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("users");
        foreach (var (user, setting) in cc.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(user);
            writer.WriteBoolean("inbound", setting.Inbound);
            writer.WriteBoolean("outbound", setting.Outbound);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("transfers");
        writer.WriteBoolean("record", cc.RecordAfterTransfer);
        writer.WriteEndObject();
        writer.WriteStartArray("exclusionList");
        foreach (var number in cc.ExclusionList.Numbers.Select(n => n.E164).Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(number);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("announceRecording", cc.AnnounceRecording);
        writer.WriteBoolean("strictPaymentPause", cc.StrictPaymentPause);
        writer.WriteEndObject();
    }
}
