using System.Text;
using System.Text.Json;
using Calltrail.Decisions;

namespace Calltrail.Scenarios.Writing;

/// <summary>Writes verdicts in the contract's form (scenario-format.md, "Verdict") and nothing more.</summary>
public static class VerdictJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>One verdict as an object, or several as an array in the order given.</summary>
    public static string Serialize(IReadOnlyList<Verdict> verdicts, bool asArray)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            if (asArray)
            {
                writer.WriteStartArray();
                foreach (var verdict in verdicts)
                {
                    Write(writer, verdict);
                }

                writer.WriteEndArray();
            }
            else
            {
                Write(writer, verdicts.Single());
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, Verdict verdict)
    {
        writer.WriteStartObject();
        writer.WriteString("path", verdict.Path.Id());
        WriteBoth(writer, "logged", verdict.Logged);
        WriteBoth(writer, "recorded", verdict.Recorded);
        writer.WriteBoolean("syncedToFieldService", verdict.SyncedToFieldService);
        writer.WriteBoolean("autoPause", verdict.AutoPause);
        writer.WriteBoolean("announce", verdict.Announce);
        writer.WriteStartArray("spans");
        foreach (var span in verdict.Spans)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(span.StartMs);
            writer.WriteNumberValue(span.EndMs);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reasons");
        foreach (var reason in verdict.Reasons)
        {
            writer.WriteStringValue(reason.Id());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBoth(Utf8JsonWriter writer, string name, BothSystems both)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("contactCenter", both.ContactCenter);
        writer.WriteBoolean("fieldService", both.FieldService);
        writer.WriteEndObject();
    }
}
