using System.Text;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;

namespace Calltrail.Scenarios.Tests.Reading;

/// <summary>
/// Found by fuzzing: text JsonDocument accepts but cannot turn into a string made every reader throw
/// (a 500 in the service, exit 1 in <c>calltrail decide</c>). Each reader now refuses it as a problem.
/// </summary>
public class JsonTextTests
{
    /// <summary>The kind, the bytes, and the field the problem names (null: the whole body or file).</summary>
    public static TheoryData<string, byte[], string?> NotUnicode() => new()
    {
        { "lone high surrogate escape in a value", Encoding.UTF8.GetBytes("""{"callId": "\ud800", "x": 1}"""), "callId" },
        { "lone low surrogate escape in a name", Encoding.UTF8.GetBytes("""{"\udc00": 1}"""), null },
        { "invalid UTF-8 in a value", [.. "{\"callId\": \""u8, 0xC3, 0x28, .. "\"}"u8], null },
        { "invalid UTF-8 in a name, in an array", [.. "[{\""u8, 0xFF, .. "\": 1}]"u8], null },
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void ScenarioReaderRead_TextNotUnicode_IsRefusedAsProblemOfTheFile(string kind, byte[] body, string? field)
    {
        ScenarioFile file = new ScenarioReader().Read(body);

        Assert.False(file.IsValid, kind);
        Assert.Equal(field ?? "(file)", Assert.Single(file.Problems).Field);
    }

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void ScenarioReaderReadOrganization_TextNotUnicode_IsRefusedAsProblemOfTheBody(string kind, byte[] body, string? field)
    {
        OrganizationFile file = new ScenarioReader().ReadOrganization(body);

        Assert.False(file.IsValid, kind);
        Assert.Equal(field ?? "(body)", Assert.Single(file.Problems).Field);
    }

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void LiveEventReaderRead_TextNotUnicode_IsRefusedAsProblemOfTheBody(string kind, byte[] body, string? field)
    {
        LiveEventBatch batch = new LiveEventReader(new PhoneNumberParser()).Read(body);

        Assert.False(batch.IsValid, kind);
        Assert.Equal(field ?? "(body)", Assert.Single(batch.Problems).Field);
    }

    [Fact]
    public void Problem_ValidTextWithEscapedSurrogatePair_IsNone()
    {
        Assert.Null(JsonText.Problem(Encoding.UTF8.GetBytes("""{"emoji \ud83d\ude00": ["a", {"b": "\u00e9"}]}""")));
    }
}
