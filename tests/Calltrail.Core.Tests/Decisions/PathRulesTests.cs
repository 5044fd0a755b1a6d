using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

public class PathRulesTests
{
    private static readonly FieldServiceSettings ContinuityOn = new() { Continuity = new Continuity(true, ContinuityDestination.VoiceAgent) };
    private static readonly FieldServiceSettings NoContactCenter = new() { UsesContactCenter = false };

    private static readonly (string Name, Scenario Scenario, CallPath Path)[] Cases =
    [
        ("internal beats everything", Scenario(InboundQueueCall() with { Internal = true }, north: ContinuityOn), CallPath.Internal),
        ("internal outbound by a non-seat employee", Scenario(ClickToCall("ben") with { Internal = true, Tenant = null }), CallPath.Internal),
        ("continuity, inbound", Scenario(InboundQueueCall(), north: ContinuityOn), CallPath.Continuity),
        ("continuity, outbound", Scenario(ClickToCall(), north: ContinuityOn), CallPath.Continuity),
        ("continuity beats a tenant without contact center", Scenario(InboundQueueCall(), north: ContinuityOn with { UsesContactCenter = false }), CallPath.Continuity),
        ("continuity beats a non-seat employee", Scenario(ClickToCall("ben"), north: ContinuityOn), CallPath.Continuity),
        ("tenant without contact center, tracking number", Scenario(InboundQueueCall(), north: NoContactCenter), CallPath.TenantWithoutContactCenter),
        ("tenant without contact center, direct line stays in the contact center", Scenario(DirectLineCall() with { Tenant = "north" }, north: NoContactCenter), CallPath.ContactCenter),
        ("tenant without contact center, outbound stays in the contact center", Scenario(ClickToCall(), north: NoContactCenter), CallPath.ContactCenter),
        ("non-seat employee, click-to-call", Scenario(ClickToCall("ben")), CallPath.NonSeatUser),
        ("non-seat employee answering inbound stays in the contact center", Scenario(InboundQueueCall() with { User = "ben" }), CallPath.ContactCenter),
        ("employee missing from the directory has a seat", Scenario(ClickToCall("zoe")), CallPath.ContactCenter),
        ("seat employee, click-to-call", Scenario(ClickToCall()), CallPath.ContactCenter),
        ("queue call", Scenario(InboundQueueCall()), CallPath.ContactCenter),
        ("continuity of another tenant does not apply", Scenario(InboundQueueCall() with { Tenant = "south" }, north: ContinuityOn), CallPath.ContactCenter),
    ];

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Choose_FirstMatchingRuleWins(string name)
    {
        var (_, scenario, path) = Cases.Single(c => c.Name == name);

        Assert.Equal(path, PathRules.Choose(scenario));
        Assert.Equal(path, Decider.Decide(scenario).Path);
    }
}
