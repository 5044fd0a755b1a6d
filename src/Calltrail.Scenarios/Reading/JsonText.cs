using System.Text.Json;
using System.Text.Unicode;
using Calltrail.Calls;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// Whether bytes are JSON every reader can take whole: UTF-8 throughout, well-formed, at most
/// <see cref="MaxDepth"/> deep, and no string or name with a lone surrogate escape (<c>"\ud800"</c>),
/// which parses but cannot become a .NET string — a reader would throw on it far from here. The
/// server's body reader and the scenario reader (so <c>calltrail decide</c>) both ask this first.
/// </summary>
public static class JsonText
{
    /// <summary>Deeper than any contract goes (the scenario format is about 8); the readers' own limits are lower still.</summary>
    public const int MaxDepth = 64;

    /// <summary>The first problem, with the field it is in (<paramref name="whole"/> when it is in no field); null if there is none.</summary>
    public static ScenarioProblem? Problem(ReadOnlySpan<byte> utf8, string whole = "(body)")
    {
        if (utf8.IsEmpty)
        {
            return new ScenarioProblem(whole, "is empty; JSON is required");
        }

        if (!Utf8.IsValid(utf8))
        {
            return new ScenarioProblem(whole, $"is not UTF-8 (the first bad byte is at offset {FirstBadByte(utf8)})");
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            // Whether comments and trailing commas are welcome is each reader's to say (scenario files allow them).
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var path = new JsonPath();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Transcodes(ref reader))
                {
                    var field = reader.TokenType == JsonTokenType.PropertyName ? path.Container : path.Next;
                    return new ScenarioProblem(field.Length == 0 ? whole : field, "has a lone surrogate escape (such as \\ud800); it is not text");
                }

                path.Step(ref reader);
            }
        }
        catch (JsonException e)
        {
            return new ScenarioProblem(whole, $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }

        return null;
    }

    private static bool Transcodes(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static int FirstBadByte(ReadOnlySpan<byte> utf8)
    {
        // Utf8.IsValid says whether, not where; the valid prefix is as long as what transcodes cleanly.
        Span<char> scratch = stackalloc char[256];
        var at = 0;
        while (at < utf8.Length)
        {
            var status = Utf8.ToUtf16(utf8[at..], scratch, out var read, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData || read == 0)
            {
                return at + read;
            }

            at += read;
        }

        return at;
    }
}
