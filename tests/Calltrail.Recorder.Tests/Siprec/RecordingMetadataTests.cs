using System.Text;
using Calltrail.Recorder.Siprec;

namespace Calltrail.Recorder.Tests.Siprec;

public class RecordingMetadataTests
{
    private static ParseResult<RecordingMetadata> Parse(string xml) => RecordingMetadata.Parse(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Parse_Rfc7865_ReadsSessionsParticipantsAndStreams()
    {
        ParseResult<RecordingMetadata> result = Parse(MetadataSamples.Rfc7865);

        Assert.True(result.IsSuccess, result.Error);
        RecordingMetadata metadata = result.Value;
        Assert.Equal("complete", metadata.DataMode);
        MetadataSession session = Assert.Single(metadata.Sessions);
        Assert.Equal("sess-1", session.Id);
        Assert.Equal(["ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2"], session.SipSessionIds);
        Assert.Equal([KeyValuePair.Create("ucid", "00001234"), KeyValuePair.Create("direction", "inbound")], session.Extensions);
        Assert.Equal(
            [("p-alice", "sip:alice@example.com", "Alice", "st-1", "st-2"), ("p-bob", "sip:bob@example.net", "Bob", "st-2", "st-1")],
            metadata.Participants.Select(Comparable));
        Assert.Equal([new MetadataStream("st-1", "1", "sess-1"), new MetadataStream("st-2", "2", "sess-1")], metadata.Streams);
    }

    [Fact]
    public void Parse_LegacyFormat_GivesTheSameModel()
    {
        RecordingMetadata metadata = Parse(MetadataSamples.Legacy).Value!;

        Assert.Equal("complete", metadata.DataMode);
        Assert.Equal("c2Vzcw==", Assert.Single(metadata.Sessions).Id);
        Assert.Equal(
            [("cGFydGEx", "sip:caller@198.51.100.7", "Caller", "c3RyMQ==", "c3RyMg=="), ("cGFydGIy", "sip:agent@pbx.example.com", "Agent", "c3RyMg==", "")],
            metadata.Participants.Select(Comparable));
        Assert.Equal([new MetadataStream("c3RyMQ==", "10", "c2Vzcw=="), new MetadataStream("c3RyMg==", "11", "c2Vzcw==")], metadata.Streams);
    }

    [Fact]
    public void CallIdCandidates_VendorCallIdFirstThenSessionIds()
    {
        Assert.Equal(["8fe2f0a7-1b2c@10.1.1.1"], Parse(MetadataSamples.Legacy).Value!.CallIdCandidates);
        Assert.Equal(
            ["ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2", "ab30317f1a784dc48ff824d0d3715d86"],
            Parse(MetadataSamples.Rfc7865).Value!.CallIdCandidates);
    }

    [Theory]
    [InlineData("<x:Call-ID xmlns:x='urn:v'>a@h</x:Call-ID>")]
    [InlineData("<CALL_ID>a@h</CALL_ID>")]
    [InlineData("<extensiondata><deep><callid> a@h </callid></deep></extensiondata>")]
    public void CallIdCandidates_AnyCallIdSpelling_AnywhereInTheDocument(string element)
    {
        string xml = $"<recording xmlns='urn:ietf:params:xml:ns:recording:1'>{element}<session session_id='s'><sipSessionID>a@h</sipSessionID></session></recording>";

        Assert.Equal(["a@h"], Parse(xml).Value!.CallIdCandidates);
    }

    [Theory]
    [InlineData("1", "st-1", "p-alice")]
    [InlineData("2", "st-2", "p-bob")]
    public void FindLabel_KnownLabel_GivesStreamAndSender(string label, string streamId, string senderId)
    {
        LabeledStream? found = Parse(MetadataSamples.Rfc7865).Value!.FindLabel(label);

        Assert.Equal(streamId, found?.Stream.Id);
        Assert.Equal(senderId, found?.Sender?.Id);
    }

    [Fact]
    public void FindLabel_UnknownLabelOrNoSender_IsNullOrSenderless()
    {
        RecordingMetadata metadata = Parse("<recording><stream id='s1'><label>7</label></stream></recording>").Value!;

        Assert.Null(metadata.FindLabel("8"));
        Assert.Null(metadata.FindLabel("7")!.Sender);
    }

    [Fact]
    public void Parse_VendorElementNamedLikeCore_IsNotTakenForIt()
    {
        RecordingMetadata metadata = Parse("<recording xmlns='urn:ietf:params:xml:ns:recording:1'><x:participant xmlns:x='urn:v' id='fake'/></recording>").Value!;

        Assert.Empty(metadata.Participants);
    }

    [Theory]
    [InlineData("", "bad XML")]
    [InlineData("<recording>", "bad XML")]
    [InlineData("<recording><session></recording>", "bad XML")]
    [InlineData("<other xmlns='urn:ietf:params:xml:ns:recording:1'/>", "root element is '{urn:ietf:params:xml:ns:recording:1}other', not a SIPREC recording")]
    [InlineData("<recording xmlns='urn:something:else'/>", "root element is '{urn:something:else}recording', not a SIPREC recording")]
    [InlineData("<!DOCTYPE recording [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><recording>&b;</recording>", "bad XML")]
    [InlineData("<!DOCTYPE recording SYSTEM 'http://example.com/x.dtd'><recording/>", "bad XML")]
    public void Parse_BadOrHostileXml_GivesError(string xml, string errorStart)
    {
        ParseResult<RecordingMetadata> result = Parse(xml);

        Assert.False(result.IsSuccess);
        Assert.StartsWith(errorStart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverSizeLimit_GivesError()
    {
        string xml = $"<recording><datamode>{new string('x', RecordingMetadata.MaxCharacters)}</datamode></recording>";

        Assert.StartsWith("metadata larger than", Parse(xml).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndInvalidUtf8_AreTolerated()
    {
        byte[] xml = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<recording><datamode>x"), 0xFF, .. Encoding.UTF8.GetBytes("</datamode></recording>")];

        Assert.Equal("x\uFFFD", RecordingMetadata.Parse(xml).Value?.DataMode);
    }

    /// <summary>Records holding lists compare by reference; this gives one that compares by content.</summary>
    private static (string, string?, string?, string, string) Comparable(MetadataParticipant p) =>
        (p.Id, p.Aor, p.Name, string.Join(',', p.Sends), string.Join(',', p.Receives));
}
