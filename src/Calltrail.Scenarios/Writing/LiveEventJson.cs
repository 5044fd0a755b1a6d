using System.Globalization;
using System.Text;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Live;

namespace Calltrail.Scenarios.Writing;

/// <summary>
/// Writes call events in the API's shape, canonically (fields in one order, times as UTC ISO 8601
/// with milliseconds), so that the same event always has the same text: the service stores that
/// text and compares it to tell a repeated delivery from a conflicting one.
/// </summary>
public static class LiveEventJson
{
    // Phone numbers read as written (+1555…), not as \u002B1555…; the text is JSON, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(LiveEvent e)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, e);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string SerializeMany(IEnumerable<LiveEvent> events)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                Write(writer, e);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter writer, LiveEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("callId", e.CallId);
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("type", LiveEventNames.Types.NameOf(e.Type));
        writer.WriteString("at", Time(e.At));
        if (e.Start is { } start)
        {
            writer.WriteString("direction", ContractNames.Directions.NameOf(start.Direction));
            WriteOptional(writer, "from", start.From?.E164);
            WriteOptional(writer, "to", start.To?.E164);
            writer.WriteString("via", ContractNames.Vias.NameOf(start.Via));
            WriteOptional(writer, "trackingNumber", start.TrackingNumber?.E164);
            WriteOptional(writer, "tenant", start.Tenant);
            WriteOptional(writer, "employee", start.Employee);
            WriteOptional(writer, "queue", start.Queue);
            writer.WriteBoolean("internal", start.Internal);
        }

        if (e.TransferTo is { } to)
        {
            writer.WriteString("transferTo", ContractNames.TransferTargets.NameOf(to));
        }

        WriteOptional(writer, "employee", e.Start is null ? e.Employee : null);
        WriteOptional(writer, "queue", e.Start is null ? e.Queue : null);
        WriteOptional(writer, "reason", e.CallReason);
        if (e.IsLead is { } lead)
        {
            writer.WriteBoolean("isLead", lead);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
