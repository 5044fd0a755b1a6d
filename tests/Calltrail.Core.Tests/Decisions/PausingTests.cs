using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using Calltrail.Timeline;
using static Calltrail.Calls.CallEventType;
using static Calltrail.Decisions.CallPath;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

/// <summary>behavior.md, "Pausing for payments (PCI)".</summary>
public class PausingTests
{
    private static readonly CallEvent[] Payment = Events((PaymentScreenOpened, 45_000), (PaymentScreenClosed, 90_000));

    private static readonly RuleCase[] Cases =
    [
        new("payment screen pauses a call with a tenant",
            Scenario(InboundQueueCall() with { Events = Payment }),
            new(ContactCenter, true, true, true, true, true, true, "0-45000 90000-120000", "queue-default-setting payment-pause synced-to-field-service")),
        new("payment screen never closed stays paused to the end",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenOpened, 100_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-100000", "queue-default-setting payment-pause synced-to-field-service")),
        new("payment screen open for the whole call leaves no audio",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenOpened, 0)) }),
            new(ContactCenter, true, true, false, false, false, true, "", "queue-default-setting payment-pause")),
        new("events out of order give the same windows",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenClosed, 90_000), (PaymentScreenOpened, 45_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-45000 90000-120000", "queue-default-setting payment-pause synced-to-field-service")),
        new("a second open while open and a close while closed change nothing",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenClosed, 10_000), (PaymentScreenOpened, 45_000), (PaymentScreenOpened, 60_000), (PaymentScreenClosed, 90_000), (PaymentScreenClosed, 95_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-45000 90000-120000", "queue-default-setting payment-pause synced-to-field-service")),
        new("two payment windows",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenOpened, 10_000), (PaymentScreenClosed, 20_000), (PaymentScreenOpened, 30_000), (PaymentScreenClosed, 40_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-10000 20000-30000 40000-120000", "queue-default-setting payment-pause synced-to-field-service")),
        new("no tenant: the payment screen does not pause and the window is flagged",
            Scenario(KeypadCall() with { Events = Payment }),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service no-tenant-no-auto-pause")),
        new("no tenant, strict payment pause on: paused",
            Scenario(KeypadCall() with { Events = Payment }, cc => cc with { StrictPaymentPause = true }),
            new(ContactCenter, true, false, true, false, false, true, "0-45000 90000-120000", "user-default-setting no-tenant-not-logged-in-field-service strict-payment-pause payment-pause")),
        new("no tenant, strict on, no payment screen: strict adds nothing",
            Scenario(DirectLineCall(), cc => cc with { StrictPaymentPause = true }),
            new(ContactCenter, true, false, true, false, false, true, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service")),
        new("no tenant and no payment screen: nothing to flag",
            Scenario(DirectLineCall()),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service")),
        new("payment screen on an unrecorded call adds no payment-pause",
            Scenario(InboundQueueCall() with { Events = Payment }, cc => cc with { ExclusionList = Excluding(Customer) }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting excluded-number")),
        new("a person's pause works with a tenant",
            Scenario(InboundQueueCall() with { Events = Events((PauseRequested, 20_000), (ResumeRequested, 30_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-20000 30000-120000", "queue-default-setting manual-pause synced-to-field-service")),
        new("a person's pause works without a tenant",
            Scenario(KeypadCall() with { Events = Events((PauseRequested, 20_000), (ResumeRequested, 30_000)) }),
            new(ContactCenter, true, false, true, false, false, false, "0-20000 30000-120000", "user-default-setting no-tenant-not-logged-in-field-service manual-pause")),
        new("a person's pause never resumed runs to the end",
            Scenario(InboundQueueCall() with { Events = Events((PauseRequested, 20_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-20000", "queue-default-setting manual-pause synced-to-field-service")),
        new("payment and a person's pause overlapping: both listed, audio is the rest",
            Scenario(InboundQueueCall() with { Events = [.. Payment, .. Events((PauseRequested, 80_000), (ResumeRequested, 100_000))] }),
            new(ContactCenter, true, true, true, true, true, true, "0-45000 100000-120000", "queue-default-setting payment-pause manual-pause synced-to-field-service")),
        new("payment screen opened and closed in the same millisecond pauses nothing",
            Scenario(InboundQueueCall() with { Events = Events((PaymentScreenOpened, 45_000), (PaymentScreenClosed, 45_000)) }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("a person's pause and resume at the same moment pause nothing",
            Scenario(KeypadCall() with { Events = Events((PauseRequested, 20_000), (ResumeRequested, 20_000)) }),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service")),
        new("record-requested on a contact-center call changes nothing",
            Scenario(InboundQueueCall() with { Events = Events((RecordRequested, 50_000)) }, cc => cc with { Defaults = cc.Defaults with { QueueRecord = false } }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting")),
    ];

    public static TheoryData<string> Names => RuleCase.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_Pausing(string name) => RuleCase.Check(Cases, name);

    [Fact]
    public void Decide_NoTenantPaymentWindow_IsListedAsUnprotected()
    {
        var verdict = Decider.Decide(Scenario(KeypadCall() with { Events = Payment }));

        Assert.Equal([new Span(45_000, 90_000)], verdict.UnprotectedPaymentWindows.ToArray());
        Assert.Empty(verdict.Paused);
    }

    [Fact]
    public void Decide_PaymentPause_ListsThePausedSpanWithItsCause()
    {
        var verdict = Decider.Decide(Scenario(InboundQueueCall() with { Events = Payment }));

        Assert.Equal([new PausedSpan(new Span(45_000, 90_000), PauseCause.PaymentScreen)], verdict.Paused.ToArray());
        Assert.Empty(verdict.UnprotectedPaymentWindows);
    }

    [Fact]
    public void Decide_PersonPausedDuringUnprotectedWindow_OnlyTheRestIsUnprotected()
    {
        var call = KeypadCall() with { Events = [.. Payment, .. Events((PauseRequested, 60_000), (ResumeRequested, 120_000))] };

        var verdict = Decider.Decide(Scenario(call));

        Assert.Equal([new Span(45_000, 60_000)], verdict.UnprotectedPaymentWindows.ToArray());
        Assert.Equal([new Span(0, 60_000)], verdict.Spans.ToArray());
    }
}
