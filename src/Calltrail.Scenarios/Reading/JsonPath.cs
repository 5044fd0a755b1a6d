using System.Text.Json;
namespace Calltrail.Scenarios.Reading;

/// <summary>
/// Where a <see cref="Utf8JsonReader"/> is, named as the readers name fields (<c>queues[1].name</c>,
/// <c>[0].callId</c>), so a problem found before any reader runs still points at its field.
/// </summary>
internal sealed class JsonPath
{
    private readonly Stack<Level> levels = new();

    /// <summary>The object or array being read; empty at the top.</summary>
    public string Container => levels.TryPeek(out var top) ? top.Path : "";

    /// <summary>The value the next token is.</summary>
    public string Next => levels.TryPeek(out var top)
        ? top.IsArray ? $"{top.Path}[{top.Index}]" : Problems.Join(top.Path, top.Property ?? "")
        : "";

    /// <summary>Moves past the token the reader is on (call after reading it).</summary>
    public void Step(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                levels.Peek().Property = reader.GetString();
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var path = Next;
                Advance();
                levels.Push(new Level(path, reader.TokenType == JsonTokenType.StartArray));
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                levels.Pop();
                break;
            default:
                Advance();
                break;
        }
    }

    private void Advance()
    {
        if (levels.TryPeek(out var top) && top.IsArray)
        {
            top.Index++;
        }
    }

    private sealed class Level(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Property { get; set; }
    }
}
