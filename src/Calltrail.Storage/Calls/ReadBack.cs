using System.Text;
using System.Text.Json;

namespace Calltrail.Storage.Calls;

/// <summary>
/// The verdict of a call as the service's records say it — composed only from what is stored: which
/// logs have an entry and whether each has audio, the field-service record's source, and the
/// recording plan. Nothing is decided again here; <c>calltrail replay</c> prints this.
/// </summary>
public static class ReadBack
{
    /// <returns>The verdict in the contract's JSON shape, or null while the call has none (awaiting its start, or invalid).</returns>
    public static string? VerdictJson(CallView call, bool indented = true)
    {
        if (call.Path is null || call.RecordingPlan is not { } plan)
        {
            return null;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("path", call.Path);
            writer.WriteStartObject("logged");
            writer.WriteBoolean("contactCenter", call.ContactCenter is not null);
            writer.WriteBoolean("fieldService", call.FieldService is not null);
            writer.WriteEndObject();
            writer.WriteStartObject("recorded");
            writer.WriteBoolean("contactCenter", call.ContactCenter?.Recorded ?? false);
            writer.WriteBoolean("fieldService", call.FieldService?.Recording.Present ?? false);
            writer.WriteEndObject();
            writer.WriteBoolean("syncedToFieldService", call.FieldService?.Recording.Source == "contact-center");
            writer.WriteBoolean("autoPause", plan.AutoPause);
            writer.WriteBoolean("announce", plan.Announce);
            writer.WriteStartArray("spans");
            foreach (var span in plan.Spans)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(span[0]);
                writer.WriteNumberValue(span[1]);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("reasons");
            foreach (var reason in call.Reasons)
            {
                writer.WriteStringValue(reason);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
