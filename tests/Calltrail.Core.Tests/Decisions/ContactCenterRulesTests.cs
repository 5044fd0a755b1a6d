using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using static Calltrail.Decisions.CallPath;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

/// <summary>behavior.md, "Contact-center path", base decision rules 1–6.</summary>
public class ContactCenterRulesTests
{
    private static readonly Func<ContactCenterSettings, ContactCenterSettings> ExcludeCustomer =
        cc => cc with { ExclusionList = Excluding(Customer) };

    private static readonly Func<ContactCenterSettings, ContactCenterSettings> RecordNothing =
        cc => cc with { Defaults = new RecordingDefaults(false, false, false), Queues = Map(("sales", new QueueSetting(false))) };

    private static readonly RuleCase[] Cases =
    [
        new("1. virtual agent records an excluded caller in an unrecorded organization",
            Scenario(InboundQueueCall() with { Handler = Handler.VirtualAgent }, cc => RecordNothing(ExcludeCustomer(cc))),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "virtual-agent-always-recorded synced-to-field-service")),
        new("2. forward to an external number records an excluded caller",
            Scenario(InboundQueueCall() with { Handler = Handler.ExternalNumber, Queue = null }, cc => RecordNothing(ExcludeCustomer(cc))),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "external-forward-always-recorded synced-to-field-service")),
        new("3. queue custom setting off",
            Scenario(InboundQueueCall(), cc => cc with { Queues = Map(("sales", new QueueSetting(false))) }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-custom-setting")),
        new("3. queue custom setting on beats a default that is off",
            Scenario(InboundQueueCall(), cc => cc with { Defaults = cc.Defaults with { QueueRecord = false }, Queues = Map(("sales", new QueueSetting(true))) }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-custom-setting synced-to-field-service")),
        new("3. queue without custom setting follows the default (off)",
            Scenario(InboundQueueCall(), cc => cc with { Defaults = cc.Defaults with { QueueRecord = false } }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting")),
        new("3. queue setting wins over the answering agent's setting",
            Scenario(InboundQueueCall(), cc => cc with { Users = Map(("ana", new UserSetting(false, false))) }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("3. tracking number with no queue follows the agent's custom inbound setting",
            Scenario(InboundQueueCall() with { Queue = null }, cc => cc with { Users = Map(("ana", new UserSetting(false, true))) }),
            new(ContactCenter, true, true, false, false, false, false, "", "user-custom-setting")),
        new("3. tracking number with no queue follows the default inbound setting",
            Scenario(InboundQueueCall() with { Queue = null }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "user-default-setting synced-to-field-service")),
        new("4. direct line follows the employee's custom inbound setting",
            Scenario(DirectLineCall(), cc => cc with { Users = Map(("ana", new UserSetting(true, false))), Defaults = new RecordingDefaults(true, false, false) }),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-custom-setting no-tenant-not-logged-in-field-service")),
        new("4. direct line follows the default inbound setting (off)",
            Scenario(DirectLineCall(), cc => cc with { Defaults = cc.Defaults with { UserInbound = false } }),
            new(ContactCenter, true, false, false, false, false, false, "", "user-default-setting no-tenant-not-logged-in-field-service")),
        new("5. outbound follows the employee's custom outbound setting",
            Scenario(ClickToCall(), cc => cc with { Users = Map(("ana", new UserSetting(true, false))) }),
            new(ContactCenter, true, true, false, false, false, false, "", "user-custom-setting")),
        new("5. outbound with no employee named follows the default",
            Scenario(ClickToCall() with { User = null }, cc => cc with { Defaults = cc.Defaults with { UserOutbound = false } }),
            new(ContactCenter, true, true, false, false, false, false, "", "user-default-setting")),
        new("5. keypad call follows the default outbound setting",
            Scenario(KeypadCall()),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service")),
        new("6. excluded caller is not recorded",
            Scenario(InboundQueueCall(), ExcludeCustomer),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting excluded-number")),
        new("6. excluded callee on an outbound call is not recorded",
            Scenario(ClickToCall(), ExcludeCustomer),
            new(ContactCenter, true, true, false, false, false, false, "", "user-default-setting excluded-number")),
        new("6. exclusion adds nothing when the settings already say do not record",
            Scenario(InboundQueueCall(), cc => ExcludeCustomer(cc) with { Queues = Map(("sales", new QueueSetting(false))) }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-custom-setting")),
        new("6. only the outside party counts: an excluded tracking number is still recorded",
            Scenario(InboundQueueCall(), cc => cc with { ExclusionList = Excluding(TrackingNumber) }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("6. a call with no outside number is not excluded",
            Scenario(InboundQueueCall() with { From = null }, ExcludeCustomer),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("a call of no length records no audio",
            Scenario(InboundQueueCall() with { DurationMs = 0 }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting")),
    ];

    public static TheoryData<string> Names => RuleCase.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_ContactCenterRule(string name) => RuleCase.Check(Cases, name);
}
