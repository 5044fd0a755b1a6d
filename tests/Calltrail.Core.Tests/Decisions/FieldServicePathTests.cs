using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using static Calltrail.Calls.CallEventType;
using static Calltrail.Decisions.CallPath;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

/// <summary>behavior.md, "Field-service path".</summary>
public class FieldServicePathTests
{
    private static FieldServiceSettings ContinuityOn(RecordingMode inbound = RecordingMode.Automatically, RecordingMode outbound = RecordingMode.Automatically) =>
        new() { Inbound = inbound, Outbound = outbound, Continuity = new Continuity(true, ContinuityDestination.ExternalNumber) };

    private static readonly RuleCase[] Cases =
    [
        new("continuity, inbound automatically: recorded from the start, in the field service only",
            Scenario(InboundQueueCall(), north: ContinuityOn()),
            new(CallPath.Continuity, false, true, false, true, false, true, "0-120000", "continuity field-service-automatically")),
        new("continuity, inbound never",
            Scenario(InboundQueueCall(), north: ContinuityOn(inbound: RecordingMode.Never)),
            new(CallPath.Continuity, false, true, false, false, false, false, "", "continuity field-service-never")),
        new("continuity, outbound uses the outbound setting",
            Scenario(ClickToCall(), north: ContinuityOn(inbound: RecordingMode.Never, outbound: RecordingMode.Automatically)),
            new(CallPath.Continuity, false, true, false, true, false, true, "0-120000", "continuity field-service-automatically")),
        new("continuity ignores the virtual-agent rule",
            Scenario(InboundQueueCall() with { Handler = Handler.VirtualAgent }, north: ContinuityOn(inbound: RecordingMode.Never)),
            new(CallPath.Continuity, false, true, false, false, false, false, "", "continuity field-service-never")),
        new("the exclusion list is a contact-center rule and does not apply",
            Scenario(InboundQueueCall(), cc => cc with { ExclusionList = Excluding(Customer) }, ContinuityOn()),
            new(CallPath.Continuity, false, true, false, true, false, true, "0-120000", "continuity field-service-automatically")),
        new("on-demand records from the first record request",
            Scenario(InboundQueueCall() with { Events = Events((RecordRequested, 50_000), (RecordRequested, 20_000)) }, north: ContinuityOn(inbound: RecordingMode.OnDemand)),
            new(CallPath.Continuity, false, true, false, true, false, true, "20000-120000", "continuity field-service-on-demand")),
        new("on-demand without a record request records nothing",
            Scenario(InboundQueueCall(), north: ContinuityOn(inbound: RecordingMode.OnDemand)),
            new(CallPath.Continuity, false, true, false, false, false, false, "", "continuity field-service-on-demand")),
        new("on-demand requested at the very end records nothing",
            Scenario(InboundQueueCall() with { Events = Events((RecordRequested, 120_000)) }, north: ContinuityOn(inbound: RecordingMode.OnDemand)),
            new(CallPath.Continuity, false, true, false, false, false, false, "", "continuity field-service-on-demand")),
        new("tenant without contact center uses the inbound setting",
            Scenario(InboundQueueCall(), north: new FieldServiceSettings { UsesContactCenter = false, Inbound = RecordingMode.Never }),
            new(TenantWithoutContactCenter, false, true, false, false, false, false, "", "tenant-without-contact-center field-service-never")),
        new("non-seat employee, outbound automatically",
            Scenario(ClickToCall("ben")),
            new(NonSeatUser, false, true, false, true, false, true, "0-120000", "non-seat-user field-service-automatically")),
        new("non-seat employee, outbound never",
            Scenario(ClickToCall("ben"), north: new FieldServiceSettings { Outbound = RecordingMode.Never }),
            new(NonSeatUser, false, true, false, false, false, false, "", "non-seat-user field-service-never")),
        new("payment screen pauses a field-service recording",
            Scenario(ClickToCall("ben") with { Events = Events((PaymentScreenOpened, 45_000), (PaymentScreenClosed, 90_000)) }),
            new(NonSeatUser, false, true, false, true, false, true, "0-45000 90000-120000", "non-seat-user field-service-automatically payment-pause")),
        new("payment screen before an on-demand recording starts covers no audio",
            Scenario(ClickToCall("ben") with { Events = Events((PaymentScreenOpened, 5_000), (PaymentScreenClosed, 15_000), (RecordRequested, 20_000)) },
                north: new FieldServiceSettings { Outbound = RecordingMode.OnDemand }),
            new(NonSeatUser, false, true, false, true, false, true, "20000-120000", "non-seat-user field-service-on-demand")),
        new("announce recording is a contact-center prompt",
            Scenario(ClickToCall("ben"), cc => cc with { AnnounceRecording = true }),
            new(NonSeatUser, false, true, false, true, false, true, "0-120000", "non-seat-user field-service-automatically")),
    ];

    public static TheoryData<string> Names => RuleCase.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_FieldServicePath(string name) => RuleCase.Check(Cases, name);

    [Fact]
    public void Decide_FieldServicePathWithoutTenant_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => Calltrail.Decisions.Decider.Decide(Scenario(ClickToCall("ben") with { Tenant = null })));
}
