using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Settings;

namespace Calltrail.Scenarios.Tests.Reading;

public class ScenarioReaderTests
{
    private static Scenario ReadOne(string json)
    {
        var file = new ScenarioReader().Read(json);
        Assert.True(file.IsValid, string.Join("; ", file.Problems));
        return Assert.Single(file.Scenarios);
    }

    [Fact]
    public void Read_MinimalScenario_TakesEveryDefault()
    {
        var scenario = ReadOne("""{"call": {"direction": "inbound"}}""");

        Assert.Equal(ContactCenterSettings.Default with { ExclusionList = scenario.Settings.ContactCenter.ExclusionList, Queues = scenario.Settings.ContactCenter.Queues, Users = scenario.Settings.ContactCenter.Users }, scenario.Settings.ContactCenter);
        Assert.Empty(scenario.Settings.ContactCenter.Queues);
        Assert.Equal(0, scenario.Settings.ContactCenter.ExclusionList.Count);
        Assert.Empty(scenario.Settings.FieldService);
        Assert.Equal(Via.TrackingNumber, scenario.Call.Via);
        Assert.Null(scenario.Call.Handler);
        Assert.Equal(Handler.Agent, scenario.Call.EffectiveHandler);
        Assert.Equal(0, scenario.Call.DurationMs);
        Assert.Empty(scenario.Call.Events);
        Assert.True(scenario.HasSeat("anyone"));
    }

    [Fact]
    public void Read_OutboundWithoutVia_IsClickToCall() =>
        Assert.Equal(Via.ClickToCall, ReadOne("""{"call": {"direction": "outbound"}}""").Call.Via);

    [Fact]
    public void Read_NullMeansAbsent()
    {
        var scenario = ReadOne("""{"settings": null, "call": {"direction": "inbound", "tenant": null, "queue": null, "events": null}}""");

        Assert.Null(scenario.Call.Tenant);
        Assert.Null(scenario.Call.Queue);
        Assert.Empty(scenario.Call.Events);
    }

    [Fact]
    public void Read_EveryField_IsCarriedIntoTheModel()
    {
        var scenario = ReadOne("""
            {
              "settings": {
                "contactCenter": {
                  "defaults": {"queue": {"record": false}, "user": {"inbound": false, "outbound": true}},
                  "queues": {"sales": {"record": true}},
                  "users": {"ana": {"inbound": true, "outbound": false}},
                  "transfers": {"record": false},
                  "exclusionList": ["(555) 010-0001"],
                  "announceRecording": true,
                  "strictPaymentPause": true
                },
                "fieldService": {"north": {"inbound": "on-demand", "outbound": "never", "usesContactCenter": false,
                                           "continuity": {"enabled": true, "destination": "external-number"}}}
              },
              "employees": {"ben": {"seat": false}, "ana": {}},
              "call": {"direction": "inbound", "from": "555-010-0001", "to": "+1 (555) 014-2000", "internal": false,
                       "via": "direct-line", "tenant": "north", "queue": "sales", "user": "ana", "handler": "virtual-agent",
                       "transfer": {"to": "external-number", "atMs": 5}, "durationMs": 10,
                       "events": [{"type": "payment-screen-opened", "atMs": 1}, {"type": "resume-requested", "atMs": 2}]}
            }
            """);

        var cc = scenario.Settings.ContactCenter;
        Assert.Equal(new RecordingDefaults(false, false, true), cc.Defaults);
        Assert.Equal(new QueueSetting(true), cc.Queues["sales"]);
        Assert.Equal(new UserSetting(true, false), cc.Users["ana"]);
        Assert.False(cc.RecordAfterTransfer);
        Assert.True(cc.ExclusionList.Contains(PhoneNumber.FromE164("+15550100001")));
        Assert.True(cc.AnnounceRecording);
        Assert.True(cc.StrictPaymentPause);
        var north = scenario.Settings.FieldService["north"];
        Assert.Equal(RecordingMode.OnDemand, north.Inbound);
        Assert.Equal(RecordingMode.Never, north.Outbound);
        Assert.False(north.UsesContactCenter);
        Assert.Equal(new Continuity(true, ContinuityDestination.ExternalNumber), north.Continuity);
        Assert.False(scenario.HasSeat("ben"));
        Assert.True(scenario.HasSeat("ana"));
        var call = scenario.Call;
        Assert.Equal(PhoneNumber.FromE164("+15550100001"), call.From);
        Assert.Equal(PhoneNumber.FromE164("+15550142000"), call.To);
        Assert.Equal((Via.DirectLine, "north", "sales", "ana", Handler.VirtualAgent), (call.Via, call.Tenant, call.Queue, call.User, call.Handler));
        Assert.Equal(new Transfer(TransferTarget.ExternalNumber, 5), call.Transfer);
        Assert.Equal([new CallEvent(CallEventType.PaymentScreenOpened, 1), new CallEvent(CallEventType.ResumeRequested, 2)], call.Events);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreAccepted() =>
        Assert.Equal(Direction.Outbound, ReadOne("""{"call": {"direction": "outbound", /* placed by ana */ },}""").Call.Direction);

    [Fact]
    public void Read_NationalNumbers_UseTheReadersRegion()
    {
        var reader = new ScenarioReader(new PhoneNumberParser("GB"));

        var file = reader.Read("""{"call": {"direction": "inbound", "from": "020 7946 0958"}}""");

        Assert.Equal(PhoneNumber.FromE164("+442079460958"), Assert.Single(file.Scenarios).Call.From);
    }

    [Fact]
    public void Read_EmptyArray_IsAValidFileOfNoScenarios()
    {
        var file = new ScenarioReader().Read("[]");

        Assert.True(file.IsValid);
        Assert.True(file.IsArray);
        Assert.Empty(file.Scenarios);
    }
}
