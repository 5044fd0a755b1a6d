using System.Text.Json.Nodes;
using Calltrail.Decisions;
using Calltrail.Scenarios.Writing;
using Calltrail.Timeline;

namespace Calltrail.Scenarios.Tests.Writing;

public class VerdictJsonTests
{
    private static readonly Verdict Sample = new()
    {
        Path = CallPath.NonSeatUser,
        Logged = new BothSystems(false, true),
        Recorded = new BothSystems(false, true),
        SyncedToFieldService = false,
        AutoPause = true,
        Announce = false,
        Spans = [new Span(20_000, 45_000), new Span(90_000, 120_000)],
        Reasons = ReasonSet.Of(Reason.NonSeatUser, Reason.FieldServiceOnDemand, Reason.PaymentPause),
    };

    [Fact]
    public void Serialize_OneVerdict_WritesExactlyTheContractFields()
    {
        var json = JsonNode.Parse(VerdictJson.Serialize([Sample], asArray: false))!.AsObject();

        Assert.Equal(
            ["path", "logged", "recorded", "syncedToFieldService", "autoPause", "announce", "spans", "reasons"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal("non-seat-user", (string?)json["path"]);
        Assert.Equal("""{"contactCenter":false,"fieldService":true}""", json["logged"]!.ToJsonString());
        Assert.Equal("[[20000,45000],[90000,120000]]", json["spans"]!.ToJsonString());
        Assert.Equal("""["non-seat-user","field-service-on-demand","payment-pause"]""", json["reasons"]!.ToJsonString());
    }

    [Fact]
    public void Serialize_AsArray_KeepsTheOrder()
    {
        var other = Sample with { Path = CallPath.Internal };

        var json = JsonNode.Parse(VerdictJson.Serialize([Sample, other], asArray: true))!.AsArray();

        Assert.Equal(["non-seat-user", "internal"], json.Select(v => (string)v!["path"]!).ToArray());
    }

    [Fact]
    public void Serialize_NoSpans_WritesAnEmptyArray() =>
        Assert.Equal("[]", JsonNode.Parse(VerdictJson.Serialize([Sample with { Spans = [] }], false))!["spans"]!.ToJsonString());
}
