using Calltrail.Scenarios.Reading;

namespace Calltrail.Scenarios.Tests.Reading;

/// <summary>scenario-format.md, "Invalid scenarios": each kind is refused whole, with a message naming the field.</summary>
public class InvalidScenarioTests
{
    private const string Valid = """
        {"employees": {"ben": {"seat": false}},
         "call": {"direction": "inbound", "from": "+15550100001", "to": "+15550142000", "via": "tracking-number",
                  "tenant": "north", "queue": "sales", "user": "ana", "durationMs": 120000, "events": []}}
        """;

    /// <summary>Each row: what is wrong, the scenario, the field the message must name, and a word it must use.</summary>
    private static readonly (string Kind, string Json, string Field, string Says)[] Cases =
    [
        ("missing direction", """{"call": {"via": "tracking-number"}}""", "call.direction", "required"),
        ("unknown direction", """{"call": {"direction": "sideways"}}""", "call.direction", "inbound, outbound"),
        ("keypad on an inbound call", """{"call": {"direction": "inbound", "via": "keypad"}}""", "call.via", "inbound"),
        ("direct line on an outbound call", """{"call": {"direction": "outbound", "via": "direct-line"}}""", "call.via", "outbound"),
        ("handler on an outbound call", """{"call": {"direction": "outbound", "via": "click-to-call", "handler": "agent"}}""", "call.handler", "inbound"),
        ("field-service path with no tenant",
            """{"employees": {"ben": {"seat": false}}, "call": {"direction": "outbound", "via": "click-to-call", "user": "ben"}}""",
            "call.tenant", "non-seat-user"),
        ("keypad call by an employee without a seat",
            """{"employees": {"ben": {"seat": false}}, "call": {"direction": "outbound", "via": "keypad", "user": "ben", "tenant": "north"}}""",
            "call.via", "seat"),
        ("unparseable caller number", """{"call": {"direction": "inbound", "from": "call me maybe"}}""", "call.from", "not a phone number"),
        ("callee number too short", """{"call": {"direction": "outbound", "to": "12"}}""", "call.to", "not a phone number"),
        ("unparseable number on the exclusion list",
            """{"settings": {"contactCenter": {"exclusionList": ["+15550100001", "nope"]}}, "call": {"direction": "inbound"}}""",
            "settings.contactCenter.exclusionList[1]", "not a phone number"),
        ("negative duration", """{"call": {"direction": "inbound", "durationMs": -1}}""", "call.durationMs", "0 or more"),
        ("negative event time",
            """{"call": {"direction": "inbound", "durationMs": 1000, "events": [{"type": "pause-requested", "atMs": -5}]}}""",
            "call.events[0].atMs", "0 or more"),
        ("event after the end of the call",
            """{"call": {"direction": "inbound", "durationMs": 1000, "events": [{"type": "pause-requested", "atMs": 10}, {"type": "resume-requested", "atMs": 1001}]}}""",
            "call.events[1].atMs", "after the end"),
        ("transfer after the end of the call",
            """{"call": {"direction": "inbound", "durationMs": 1000, "transfer": {"to": "agent", "atMs": 2000}}}""",
            "call.transfer.atMs", "after the end"),
        ("unknown property on the call", """{"call": {"direction": "inbound", "colour": "blue"}}""", "call.colour", "unknown property"),
        ("unknown property at the top", """{"call": {"direction": "inbound"}, "notes": "x"}""", "notes", "unknown property"),
        ("unknown property deep in the settings",
            """{"settings": {"contactCenter": {"defaults": {"queue": {"record": true, "loud": true}}}}, "call": {"direction": "inbound"}}""",
            "settings.contactCenter.defaults.queue.loud", "unknown property"),
        ("unknown property on a tenant",
            """{"settings": {"fieldService": {"north": {"inbound": "never", "outbund": "never"}}}, "call": {"direction": "inbound"}}""",
            "settings.fieldService.north.outbund", "unknown property"),
        ("unknown field-service mode",
            """{"settings": {"fieldService": {"north": {"inbound": "sometimes"}}}, "call": {"direction": "inbound"}}""",
            "settings.fieldService.north.inbound", "automatically, on-demand, never"),
        ("unknown continuity destination",
            """{"settings": {"fieldService": {"north": {"continuity": {"enabled": true, "destination": "moon"}}}}, "call": {"direction": "inbound"}}""",
            "settings.fieldService.north.continuity.destination", "voice-agent, external-number"),
        ("custom employee setting with one direction",
            """{"settings": {"contactCenter": {"users": {"ana": {"inbound": false}}}}, "call": {"direction": "inbound"}}""",
            "settings.contactCenter.users.ana.outbound", "required"),
        ("custom queue setting without a value",
            """{"settings": {"contactCenter": {"queues": {"sales": {}}}}, "call": {"direction": "inbound"}}""",
            "settings.contactCenter.queues.sales.record", "required"),
        ("a boolean given as a string",
            """{"settings": {"contactCenter": {"announceRecording": "yes"}}, "call": {"direction": "inbound"}}""",
            "settings.contactCenter.announceRecording", "true or false"),
        ("fractional milliseconds", """{"call": {"direction": "inbound", "durationMs": 1.5}}""", "call.durationMs", "whole number"),
        ("event of an unknown type",
            """{"call": {"direction": "inbound", "durationMs": 10, "events": [{"type": "coffee-break", "atMs": 1}]}}""",
            "call.events[0].type", "payment-screen-opened"),
        ("event without a time",
            """{"call": {"direction": "inbound", "durationMs": 10, "events": [{"type": "pause-requested"}]}}""",
            "call.events[0].atMs", "required"),
        ("unknown transfer target",
            """{"call": {"direction": "inbound", "durationMs": 10, "transfer": {"to": "voicemail", "atMs": 1}}}""",
            "call.transfer.to", "agent, queue, external-number"),
        ("unknown handler", """{"call": {"direction": "inbound", "handler": "robot"}}""", "call.handler", "virtual-agent"),
        ("a property given twice", """{"call": {"direction": "inbound", "direction": "outbound"}}""", "call.direction", "twice"),
        ("the call is not an object", """{"call": "inbound"}""", "call", "object"),
        ("events is not an array", """{"call": {"direction": "inbound", "events": {}}}""", "call.events", "array"),
        ("an empty tenant name", """{"call": {"direction": "inbound", "tenant": ""}}""", "call.tenant", "empty"),
        ("no call at all", """{"settings": {}}""", "call", "required"),
        ("not JSON", """{"call": {"direction": "inbound",""", "(file)", "not valid JSON"),
        ("neither object nor array", "42", "(file)", "scenario object or an array"),
        ("an array holding a number", "[42]", "[0]", "scenario object"),
    ];

    public static TheoryData<string> Kinds => [.. Cases.Select(c => c.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Read_InvalidScenario_IsRefusedNamingTheField(string kind)
    {
        var (_, json, field, says) = Cases.Single(c => c.Kind == kind);

        var file = new ScenarioReader().Read(json);

        Assert.False(file.IsValid);
        Assert.Empty(file.Scenarios);
        Assert.Contains(file.Problems, p => p.Field == field && p.Message.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ValidBaseline_IsAccepted()
    {
        var file = new ScenarioReader().Read(Valid);

        Assert.True(file.IsValid, string.Join("; ", file.Problems));
        Assert.Single(file.Scenarios);
    }

    [Fact]
    public void Read_ArrayWithOneInvalidElement_RefusesTheWholeFileAndNamesTheIndex()
    {
        var file = new ScenarioReader().Read($"[{Valid}, {Valid}, {{\"call\": {{\"direction\": \"up\"}}}}]");

        Assert.True(file.IsArray);
        Assert.Empty(file.Scenarios);
        var problem = Assert.Single(file.Problems);
        Assert.Equal("[2].call.direction", problem.Field);
    }

    [Fact]
    public void Read_ArrayWithASemanticProblem_NamesTheIndex()
    {
        var file = new ScenarioReader().Read($"[{Valid}, {{\"call\": {{\"direction\": \"inbound\", \"via\": \"keypad\"}}}}]");

        Assert.Equal("[1].call.via", Assert.Single(file.Problems).Field);
    }

    [Fact]
    public void Read_ManyProblems_AreAllReportedUpToTheLimit()
    {
        var events = string.Join(",", Enumerable.Range(0, 200).Select(_ => """{"type": "nap", "atMs": 1}"""));

        var file = new ScenarioReader().Read("""{"call": {"direction": "inbound", "durationMs": 5, "events": [""" + events + "]}}");

        Assert.Equal(50, file.Problems.Count);
    }
}
