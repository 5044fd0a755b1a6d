using System.Text.Json.Nodes;
using Xunit;

namespace Calltrail.TestKit;

/// <summary>Compares verdict JSON as the contract does: exact fields and values, with <c>reasons</c> as a set.</summary>
public static class VerdictAssert
{
    public static void Equivalent(string expectedJson, string actualJson)
    {
        var expected = Normalize(JsonNode.Parse(expectedJson));
        var actual = Normalize(JsonNode.Parse(actualJson));
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"Verdicts differ.{Environment.NewLine}expected: {expected?.ToJsonString()}{Environment.NewLine}actual:   {actual?.ToJsonString()}");
    }

    /// <summary>Sorts every <c>reasons</c> array, since their order is not part of the contract.</summary>
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalize(item);
                }

                break;
            case JsonObject obj:
                if (obj["reasons"] is JsonArray reasons)
                {
                    var sorted = reasons.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
                    obj["reasons"] = new JsonArray([.. sorted.Select(r => (JsonNode)JsonValue.Create(r))]);
                }

                break;
        }

        return node;
    }
}
