using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using static Calltrail.Decisions.CallPath;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

/// <summary>behavior.md, "Transfers".</summary>
public class TransferTests
{
    private static Call TransferredAt(TransferTarget to, long atMs) => InboundQueueCall() with { Transfer = new Transfer(to, atMs) };

    private static readonly Func<ContactCenterSettings, ContactCenterSettings> StopOnTransfer = cc => cc with { RecordAfterTransfer = false };
    private static readonly Func<ContactCenterSettings, ContactCenterSettings> QueueOff = cc => cc with { Queues = Map(("sales", new QueueSetting(false))) };

    private static readonly RuleCase[] Cases =
    [
        new("to an agent, record after transfer on: the recording goes on",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000)),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting transfer-continues-recording synced-to-field-service")),
        new("to an agent, record after transfer off: the recording stops at the transfer",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000), StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-30000", "queue-default-setting transfer-stops-recording synced-to-field-service")),
        new("to a queue, record after transfer off: the recording stops at the transfer",
            Scenario(TransferredAt(TransferTarget.Queue, 45_000), StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-45000", "queue-default-setting transfer-stops-recording synced-to-field-service")),
        new("to an agent at connect, record after transfer off: nothing is recorded",
            Scenario(TransferredAt(TransferTarget.Agent, 0), StopOnTransfer),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting transfer-stops-recording")),
        new("to an agent, unrecorded call stays unrecorded",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000), QueueOff),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-custom-setting")),
        new("to an agent, excluded caller stays unrecorded",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000), cc => cc with { ExclusionList = Excluding(Customer) }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting excluded-number")),
        new("to an external number, unrecorded call records from the transfer",
            Scenario(TransferredAt(TransferTarget.ExternalNumber, 30_000), QueueOff),
            new(ContactCenter, true, true, true, true, true, true, "30000-120000", "queue-custom-setting external-forward-always-recorded synced-to-field-service")),
        new("to an external number, excluded caller records from the transfer",
            Scenario(TransferredAt(TransferTarget.ExternalNumber, 30_000), cc => cc with { ExclusionList = Excluding(Customer) }),
            new(ContactCenter, true, true, true, true, true, true, "30000-120000", "queue-default-setting excluded-number external-forward-always-recorded synced-to-field-service")),
        new("to an external number, recorded call goes on to the end even with record after transfer off",
            Scenario(TransferredAt(TransferTarget.ExternalNumber, 30_000), StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting external-forward-always-recorded synced-to-field-service")),
        new("to an external number at the very end adds no audio",
            Scenario(TransferredAt(TransferTarget.ExternalNumber, 120_000), QueueOff),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-custom-setting")),
        new("virtual agent hands the call to an agent, record after transfer off: stops at the transfer",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000) with { Handler = Handler.VirtualAgent }, StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-30000", "virtual-agent-always-recorded transfer-stops-recording synced-to-field-service")),
        new("on an outbound call the transfer rules do not apply",
            Scenario(ClickToCall() with { Transfer = new Transfer(TransferTarget.Agent, 30_000) }, StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "user-default-setting synced-to-field-service")),
        new("on a field-service path the transfer rules do not apply",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000), StopOnTransfer, new FieldServiceSettings { UsesContactCenter = false }),
            new(TenantWithoutContactCenter, false, true, false, true, false, true, "0-120000", "tenant-without-contact-center field-service-automatically")),
        new("payment window after a stopping transfer covers no audio and adds no payment-pause",
            Scenario(TransferredAt(TransferTarget.Agent, 30_000) with { Events = Events((CallEventType.PaymentScreenOpened, 60_000), (CallEventType.PaymentScreenClosed, 90_000)) }, StopOnTransfer),
            new(ContactCenter, true, true, true, true, true, true, "0-30000", "queue-default-setting transfer-stops-recording synced-to-field-service")),
    ];

    public static TheoryData<string> Names => RuleCase.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_Transfer(string name) => RuleCase.Check(Cases, name);
}
