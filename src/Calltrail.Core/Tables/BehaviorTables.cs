using System.Collections.Frozen;
using System.Text;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Explaining;
using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Tables;

/// <summary>One line of a behaviour table: a plain-words situation and the scenario that stands for it.</summary>
public sealed record TableRow(string Situation, Scenario Scenario);

/// <summary>
/// The article's two image-only tables (inbound and outbound), rebuilt as text by running the engine
/// over a canonical set of scenarios. Every row starts from the defaults — everything records, the
/// tenant 'north' records automatically both ways — and changes only what its situation names.
/// </summary>
public static class BehaviorTables
{
    private const long Duration = 120_000;
    private static readonly PhoneNumber Customer = PhoneNumber.FromE164("+15550100001");
    private static readonly PhoneNumber TrackingNumber = PhoneNumber.FromE164("+15550142000");
    private static readonly PhoneNumber DirectLine = PhoneNumber.FromE164("+15550143001");
    private static readonly PhoneNumber ColleagueLine = PhoneNumber.FromE164("+15550143002");

    private static readonly Call QueueCall = new()
    {
        Direction = Direction.Inbound, From = Customer, To = TrackingNumber, Via = Via.TrackingNumber,
        Tenant = "north", Queue = "sales", User = "ana", DurationMs = Duration,
    };

    private static readonly Call ClickToCall = new()
    {
        Direction = Direction.Outbound, From = TrackingNumber, To = Customer, Via = Via.ClickToCall,
        Tenant = "north", User = "ana", DurationMs = Duration,
    };

    private static readonly CallEvent[] PaymentWindow =
        [new(CallEventType.PaymentScreenOpened, 45_000), new(CallEventType.PaymentScreenClosed, 90_000)];

    public static IReadOnlyList<TableRow> Inbound { get; } =
    [
        Row("Tracking number → queue → agent", QueueCall),
        Row("… queue with a custom setting: do not record", QueueCall, cc => cc with { Queues = Queue("sales", false) }),
        Row("… caller on the exclusion list", QueueCall, cc => cc with { ExclusionList = new([Customer]) }),
        Row("… payment screen opened at 0:45, closed at 1:30", QueueCall with { Events = PaymentWindow }),
        Row("… tenant's field-service outbound is on-demand", QueueCall, fs: new() { Outbound = RecordingMode.OnDemand }),
        Row("… transferred to another agent, record after transfer on", QueueCall with { Transfer = new(TransferTarget.Agent, 60_000) }),
        Row("… transferred to another agent, record after transfer off", QueueCall with { Transfer = new(TransferTarget.Agent, 60_000) },
            cc => cc with { RecordAfterTransfer = false }),
        Row("… unrecorded queue, transferred to an external number", QueueCall with { Transfer = new(TransferTarget.ExternalNumber, 60_000) },
            cc => cc with { Queues = Queue("sales", false) }),
        Row("Tracking number, no queue → agent", QueueCall with { Queue = null }),
        Row("Virtual agent answers an excluded caller", QueueCall with { Queue = null, User = null, Handler = Handler.VirtualAgent },
            cc => cc with { ExclusionList = new([Customer]) }),
        Row("Forwarded to an external number, excluded caller", QueueCall with { Queue = null, User = null, Handler = Handler.ExternalNumber },
            cc => cc with { ExclusionList = new([Customer]) }),
        Row("Direct line to an employee (no tenant)", QueueCall with { To = DirectLine, Via = Via.DirectLine, Tenant = null, Queue = null }),
        Row("… with the payment screen opened", QueueCall with { To = DirectLine, Via = Via.DirectLine, Tenant = null, Queue = null, Events = PaymentWindow }),
        Row("Tenant that does not use the contact center", QueueCall with { Queue = null, User = null },
            fs: new() { UsesContactCenter = false }),
        Row("Call Continuity on (voice agent), FS inbound automatically", QueueCall with { Queue = null, Handler = Handler.VirtualAgent },
            fs: new() { Continuity = new(true, ContinuityDestination.VoiceAgent) }),
        Row("Call Continuity on (external number), FS inbound never", QueueCall with { Queue = null, Handler = Handler.ExternalNumber },
            fs: new() { Inbound = RecordingMode.Never, Continuity = new(true, ContinuityDestination.ExternalNumber) }),
        Row("Internal employee-to-employee call", QueueCall with { From = ColleagueLine, Internal = true, Tenant = null, Queue = null }),
    ];

    public static IReadOnlyList<TableRow> Outbound { get; } =
    [
        Row("Click-to-call from a record, employee with a seat", ClickToCall),
        Row("… employee's custom outbound setting: do not record", ClickToCall, cc => cc with { Users = User("ana", true, false) }),
        Row("… number on the exclusion list", ClickToCall, cc => cc with { ExclusionList = new([Customer]) }),
        Row("… payment screen opened at 0:45, closed at 1:30", ClickToCall with { Events = PaymentWindow }),
        Row("… tenant's field-service inbound is never", ClickToCall, fs: new() { Inbound = RecordingMode.Never }),
        Row("Click-to-call, employee without a seat, FS outbound automatically", ClickToCall with { User = "ben" }),
        Row("… FS outbound on-demand, record pressed at 0:20", ClickToCall with { User = "ben", Events = [new(CallEventType.RecordRequested, 20_000)] },
            fs: new() { Outbound = RecordingMode.OnDemand }),
        Row("… FS outbound never", ClickToCall with { User = "ben" }, fs: new() { Outbound = RecordingMode.Never }),
        Row("Keypad dial, employee with a seat (no tenant)", ClickToCall with { Via = Via.Keypad, Tenant = null }),
        Row("… with the payment screen opened", ClickToCall with { Via = Via.Keypad, Tenant = null, Events = PaymentWindow }),
        Row("… with the payment screen opened, strict payment pause on", ClickToCall with { Via = Via.Keypad, Tenant = null, Events = PaymentWindow },
            cc => cc with { StrictPaymentPause = true }),
        Row("Call Continuity on, FS outbound automatically", ClickToCall, fs: new() { Continuity = new(true, ContinuityDestination.VoiceAgent) }),
        Row("Internal employee-to-employee call", ClickToCall with { To = ColleagueLine, Internal = true, Tenant = null }),
    ];

    /// <summary>Both tables as markdown: what <c>calltrail table</c> prints and docs/recording-behavior.md embeds.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("### Inbound calls");
        text.AppendLine();
        AppendTable(text, Inbound);
        text.AppendLine();
        text.AppendLine("### Outbound calls");
        text.AppendLine();
        AppendTable(text, Outbound);
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, IReadOnlyList<TableRow> rows)
    {
        text.AppendLine("| Situation | Path | Setting that decides | Logged in CC | Logged in FS | Recorded in CC | Recording in the FS record | Why |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            var verdict = Decider.Decide(row.Scenario);
            var why = string.Join(", ", verdict.Reasons.Select(r => $"`{r.Id()}`"));
            text.AppendLine(
                $"| {row.Situation} | {verdict.Path.Id()} | {SettingText.Short(verdict)} | {YesNo(verdict.Logged.ContactCenter)} " +
                $"| {YesNo(verdict.Logged.FieldService)} | {Audio(verdict, verdict.Recorded.ContactCenter, row.Scenario.Call)} " +
                $"| {Audio(verdict, verdict.Recorded.FieldService, row.Scenario.Call)} | {why} |");
        }
    }

    private static string Audio(Verdict verdict, bool recorded, Call call)
    {
        if (!recorded)
        {
            return "no";
        }

        var whole = verdict.Spans is [var only] && only.StartMs == 0 && only.EndMs == call.DurationMs;
        return whole ? "yes" : $"yes, {CallTime.Format(verdict.Spans)}";
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static TableRow Row(
        string situation, Call call, Func<ContactCenterSettings, ContactCenterSettings>? cc = null, FieldServiceSettings? fs = null)
    {
        var settings = new OrganizationSettings
        {
            ContactCenter = cc?.Invoke(ContactCenterSettings.Default) ?? ContactCenterSettings.Default,
            FieldService = new Dictionary<string, FieldServiceSettings> { ["north"] = fs ?? FieldServiceSettings.Default }
                .ToFrozenDictionary(),
        };
        var employees = new Dictionary<string, Employee> { ["ana"] = new(Seat: true), ["ben"] = new(Seat: false) }.ToFrozenDictionary();
        return new TableRow(situation, new Scenario { Settings = settings, Employees = employees, Call = call });
    }

    private static FrozenDictionary<string, QueueSetting> Queue(string name, bool record) =>
        new Dictionary<string, QueueSetting> { [name] = new(record) }.ToFrozenDictionary();

    private static FrozenDictionary<string, UserSetting> User(string name, bool inbound, bool outbound) =>
        new Dictionary<string, UserSetting> { [name] = new(inbound, outbound) }.ToFrozenDictionary();
}
