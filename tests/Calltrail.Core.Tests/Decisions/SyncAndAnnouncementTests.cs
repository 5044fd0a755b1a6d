using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Tests.Support;
using static Calltrail.Decisions.CallPath;
using static Calltrail.Tests.Support.Build;

namespace Calltrail.Tests.Decisions;

/// <summary>behavior.md, "Logging and sync" and "Announcement".</summary>
public class SyncAndAnnouncementTests
{
    private static readonly Func<ContactCenterSettings, ContactCenterSettings> Announce = cc => cc with { AnnounceRecording = true };

    private static readonly RuleCase[] Cases =
    [
        new("tenant automatic both ways: synced",
            Scenario(InboundQueueCall()),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("tenant inbound on-demand: the recording stays in the contact center",
            Scenario(InboundQueueCall(), north: new FieldServiceSettings { Inbound = RecordingMode.OnDemand }),
            new(ContactCenter, true, true, true, false, false, true, "0-120000", "queue-default-setting sync-requires-automatically")),
        new("tenant outbound never blocks the sync of an inbound call",
            Scenario(InboundQueueCall(), north: new FieldServiceSettings { Outbound = RecordingMode.Never }),
            new(ContactCenter, true, true, true, false, false, true, "0-120000", "queue-default-setting sync-requires-automatically")),
        new("tenant inbound never blocks the sync of an outbound call",
            Scenario(ClickToCall(), north: new FieldServiceSettings { Inbound = RecordingMode.Never }),
            new(ContactCenter, true, true, true, false, false, true, "0-120000", "user-default-setting sync-requires-automatically")),
        new("a tenant with no field-service settings has the defaults and syncs",
            Scenario(InboundQueueCall() with { Tenant = "south" }),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service")),
        new("nothing recorded: nothing to sync and no sync reason",
            Scenario(InboundQueueCall(), north: new FieldServiceSettings { Inbound = RecordingMode.Never }, cc: cc => cc with { Defaults = cc.Defaults with { QueueRecord = false } }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting")),
        new("announce: an agent-handled recorded call",
            Scenario(InboundQueueCall(), Announce),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "queue-default-setting synced-to-field-service announce-recording", Announce: true)),
        new("announce: an outbound recorded call",
            Scenario(KeypadCall(), Announce),
            new(ContactCenter, true, false, true, false, false, false, "0-120000", "user-default-setting no-tenant-not-logged-in-field-service announce-recording", Announce: true)),
        new("announce: no person of the business on a virtual-agent call",
            Scenario(InboundQueueCall() with { Handler = Handler.VirtualAgent }, Announce),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "virtual-agent-always-recorded synced-to-field-service")),
        new("announce: no person of the business on a forwarded call",
            Scenario(InboundQueueCall() with { Handler = Handler.ExternalNumber }, Announce),
            new(ContactCenter, true, true, true, true, true, true, "0-120000", "external-forward-always-recorded synced-to-field-service")),
        new("announce: nothing to announce on an unrecorded call",
            Scenario(InboundQueueCall(), cc => Announce(cc) with { ExclusionList = Excluding(Customer) }),
            new(ContactCenter, true, true, false, false, false, false, "", "queue-default-setting excluded-number")),
    ];

    public static TheoryData<string> Names => RuleCase.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_SyncAndAnnouncement(string name) => RuleCase.Check(Cases, name);
}
