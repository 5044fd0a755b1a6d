using System.Text.Json.Nodes;

namespace Calltrail.Server.Tests.Support;

/// <summary>Reads a server-sent event stream the way a listener does, one event's data at a time.</summary>
internal static class ServerSentEvents
{
    public static async Task<JsonNode> NextAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        throw new InvalidOperationException("the stream ended");
    }
}
