using System.Globalization;
using System.Text;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;
using CsCheck;

namespace Calltrail.Tests.Properties;

/// <summary>
/// CsCheck generators of valid scenarios, built straight from the core model (no JSON). Names and
/// numbers come from small pools so that the interesting coincidences happen all the time: a caller on
/// the exclusion list, a call's tenant with custom settings, an employee without a seat, events at the
/// same millisecond, a transfer at the very start or end of the call.
/// </summary>
public static class ScenarioGen
{
    /// <summary>The only numbers calls and exclusion lists use, so that collisions are frequent.</summary>
    public static readonly PhoneNumber[] Phones =
    [
        .. new[] { "+15550100001", "+15550100002", "+15550109999", "+15550142000", "+442079460000" }
            .Select(PhoneNumber.FromE164),
    ];

    public static readonly string[] Queues = ["sales", "service", "billing"];

    public static readonly string[] Users = ["ana", "ben", "carl", "dee"];

    /// <summary>Tenants a call may name; "east" is never configured (it has the field-service defaults).</summary>
    public static readonly string[] Tenants = ["north", "south", "east"];

    private static readonly string[] ConfigurableTenants = ["north", "south"];

    // ---- settings ---------------------------------------------------------------------------------

    public static readonly Gen<RecordingDefaults> Defaults =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (queue, inbound, outbound) => new RecordingDefaults(queue, inbound, outbound));

    public static readonly Gen<ExclusionList> ExclusionLists =
        Gen.Int[0, (1 << Phones.Length) - 1].Select(mask => new ExclusionList(Phones.Where((_, i) => ((mask >> i) & 1) == 1)));

    private static readonly Gen<ContactCenterSettings> CustomContactCenter = Gen.Select(
        Defaults,
        MapOf(Queues, Gen.Bool.Select(record => new QueueSetting(record)), presentWeight: 1, absentWeight: 1),
        MapOf(Users, Gen.Select(Gen.Bool, Gen.Bool, (inbound, outbound) => new UserSetting(inbound, outbound)), presentWeight: 1, absentWeight: 1),
        Gen.Bool,
        ExclusionLists,
        Gen.Bool,
        Gen.Bool,
        (defaults, queues, users, recordAfterTransfer, exclusions, announce, strict) => new ContactCenterSettings
        {
            Defaults = defaults,
            Queues = queues,
            Users = users,
            RecordAfterTransfer = recordAfterTransfer,
            ExclusionList = exclusions,
            AnnounceRecording = announce,
            StrictPaymentPause = strict,
        });

    /// <summary>Contact-center settings: now and then the untouched defaults, mostly custom ones.</summary>
    public static readonly Gen<ContactCenterSettings> ContactCenter = Gen.Frequency<ContactCenterSettings>(
        (1, Gen.Const(ContactCenterSettings.Default)),
        (7, CustomContactCenter));

    /// <summary>Automatically is weighted up so that "automatically both ways" (the sync condition) is common.</summary>
    public static readonly Gen<RecordingMode> Modes = Gen.Frequency(
        (3, RecordingMode.Automatically), (1, RecordingMode.OnDemand), (1, RecordingMode.Never));

    public static readonly Gen<FieldServiceSettings> FieldServiceTenant = Gen.Select(
        Modes,
        Modes,
        Gen.Frequency((1, true), (1, false)),
        Gen.Frequency((4, false), (1, true)),
        Gen.Enum<ContinuityDestination>(),
        (inbound, outbound, usesContactCenter, continuity, destination) => new FieldServiceSettings
        {
            Inbound = inbound,
            Outbound = outbound,
            UsesContactCenter = usesContactCenter,
            Continuity = new Continuity(continuity, destination),
        });

    public static readonly Gen<IReadOnlyDictionary<string, FieldServiceSettings>> FieldService =
        MapOf(ConfigurableTenants, FieldServiceTenant, presentWeight: 4, absentWeight: 1);

    public static readonly Gen<OrganizationSettings> Settings = Gen.Select(
        ContactCenter,
        FieldService,
        (cc, fs) => new OrganizationSettings { ContactCenter = cc, FieldService = fs });

    /// <summary>The employee directory: each pooled user is absent (has a seat), listed with a seat, or listed without one.</summary>
    public static readonly Gen<IReadOnlyDictionary<string, Employee>> Employees =
        MapOf(Users, Gen.Frequency((1, true), (1, false)).Select(seat => new Employee(seat)), presentWeight: 3, absentWeight: 1);

    // ---- the call ---------------------------------------------------------------------------------

    /// <summary>Durations: 0, short ones (events collide), long ones.</summary>
    public static readonly Gen<long> Durations = Gen.Frequency<long>(
        (1, Gen.Const(0L)),
        (6, Gen.Long[1, 40]),
        (3, Gen.Long[1, 300_000]));

    /// <summary>A time inside [0, durationMs], the two ends weighted up.</summary>
    public static Gen<long> TimeWithin(long durationMs) => Gen.Frequency<long>(
        (1, Gen.Const(0L)),
        (1, Gen.Const(durationMs)),
        (6, Gen.Long[0, durationMs]));

    public static Gen<CallEvent> EventWithin(long durationMs) =>
        Gen.Select(Gen.Enum<CallEventType>(), TimeWithin(durationMs), (type, at) => new CallEvent(type, at));

    /// <summary>Events in random order, with repeats of some of them (duplicates, double opens and closes).</summary>
    public static Gen<IReadOnlyList<CallEvent>> EventsWithin(long durationMs) =>
        from events in EventWithin(durationMs).Array[0, 8]
        from repeats in Gen.Int[0, 7].Array[0, 3]
        select (IReadOnlyList<CallEvent>)[.. events, .. repeats.Where(i => i < events.Length).Select(i => events[i])];

    public static Gen<Transfer?> TransferWithin(long durationMs) => Gen.Frequency<Transfer?>(
        (1, Gen.Const((Transfer?)null)),
        (1, Gen.Select(Gen.Enum<TransferTarget>(), TimeWithin(durationMs), (to, at) => (Transfer?)new Transfer(to, at))));

    public static readonly Gen<PhoneNumber?> Numbers = Gen.Frequency<PhoneNumber?>(
        (1, Gen.Const((PhoneNumber?)null)),
        (10, Gen.OneOf(Phones).Select(p => (PhoneNumber?)p)));

    public static readonly Gen<Handler?> InboundHandlers = Gen.Frequency<Handler?>(
        (2, null), (3, Handler.Agent), (2, Handler.VirtualAgent), (2, Handler.ExternalNumber));

    public static readonly Gen<string?> TenantNames = Gen.Frequency<string?>(
        (3, "north"), (3, "south"), (1, "east"), (2, null));

    public static readonly Gen<string?> QueueNames = Gen.Frequency<string?>(
        (2, "sales"), (2, "service"), (1, "billing"), (3, null));

    public static readonly Gen<string?> UserNames = Gen.Frequency<string?>(
        (2, "ana"), (2, "ben"), (2, "carl"), (1, "dee"), (1, null));

    public static readonly Gen<Call> Calls =
        from direction in Gen.Enum<Direction>()
        from isInternal in Gen.Frequency((1, true), (7, false))
        from via in direction == Direction.Inbound
            ? Gen.Frequency((2, Via.TrackingNumber), (1, Via.DirectLine))
            : Gen.Frequency((2, Via.ClickToCall), (1, Via.Keypad))
        from parties in Gen.Select(Numbers, Numbers)
        from names in Gen.Select(TenantNames, QueueNames, UserNames)
        from handler in direction == Direction.Inbound ? InboundHandlers : Gen.Const((Handler?)null)
        from durationMs in Durations
        from transfer in TransferWithin(durationMs)
        from events in EventsWithin(durationMs)
        select new Call
        {
            Direction = direction,
            From = parties.Item1,
            To = parties.Item2,
            Internal = isInternal,
            Via = via,
            Tenant = names.Item1,
            Queue = names.Item2,
            User = names.Item3,
            Handler = handler,
            Transfer = transfer,
            DurationMs = durationMs,
            Events = events,
        };

    /// <summary>Every combination the generators produce, valid or not (the validity filter's input).</summary>
    public static readonly Gen<Scenario> Unfiltered = Gen.Select(
        Settings,
        Employees,
        Calls,
        (settings, employees, call) => new Scenario { Settings = settings, Employees = employees, Call = call });

    /// <summary>
    /// Valid scenarios only. The generators above respect every timing and via rule by construction;
    /// the filter drops the few left (a keypad call by an employee without a seat, a field-service path
    /// with no tenant), well under a fifth of them.
    /// </summary>
    public static readonly Gen<Scenario> Scenarios = Unfiltered.Where(s => ScenarioValidation.Validate(s).Count == 0);

    private static Gen<IReadOnlyDictionary<string, T>> MapOf<T>(string[] keys, Gen<T> value, int presentWeight, int absentWeight) =>
        Gen.Select(
            Gen.Frequency((presentWeight, true), (absentWeight, false)).Array[keys.Length],
            value.Array[keys.Length],
            (present, values) => (IReadOnlyDictionary<string, T>)Enumerable.Range(0, keys.Length)
                .Where(i => present[i])
                .ToDictionary(i => keys[i], i => values[i], StringComparer.Ordinal));

    // ---- printing ---------------------------------------------------------------------------------

    /// <summary>A scenario in the contract's JSON shape, for the shrunk counterexample of a failing property.</summary>
    public static string Describe(Scenario scenario)
    {
        var cc = scenario.Settings.ContactCenter;
        var call = scenario.Call;
        var sb = new StringBuilder();
        sb.Append("{ \"settings\": { \"contactCenter\": { ");
        sb.Append(Inv($"\"defaults\": {{ \"queue\": {{ \"record\": {B(cc.Defaults.QueueRecord)} }}, \"user\": {{ \"inbound\": {B(cc.Defaults.UserInbound)}, \"outbound\": {B(cc.Defaults.UserOutbound)} }} }}, "));
        sb.Append("\"queues\": { ").AppendJoin(", ", cc.Queues.Select(q => Inv($"\"{q.Key}\": {{ \"record\": {B(q.Value.Record)} }}"))).Append(" }, ");
        sb.Append("\"users\": { ").AppendJoin(", ", cc.Users.Select(u => Inv($"\"{u.Key}\": {{ \"inbound\": {B(u.Value.Inbound)}, \"outbound\": {B(u.Value.Outbound)} }}"))).Append(" }, ");
        sb.Append(Inv($"\"transfers\": {{ \"record\": {B(cc.RecordAfterTransfer)} }}, "));
        sb.Append("\"exclusionList\": [").AppendJoin(", ", cc.ExclusionList.Numbers.Select(n => $"\"{n.E164}\"").Order(StringComparer.Ordinal)).Append("], ");
        sb.Append(Inv($"\"announceRecording\": {B(cc.AnnounceRecording)}, \"strictPaymentPause\": {B(cc.StrictPaymentPause)} }}, "));
        sb.Append("\"fieldService\": { ").AppendJoin(", ", scenario.Settings.FieldService.Select(t => Inv(
            $"\"{t.Key}\": {{ \"inbound\": \"{Kebab(t.Value.Inbound)}\", \"outbound\": \"{Kebab(t.Value.Outbound)}\", \"usesContactCenter\": {B(t.Value.UsesContactCenter)}, \"continuity\": {{ \"enabled\": {B(t.Value.Continuity.Enabled)}, \"destination\": \"{Kebab(t.Value.Continuity.Destination)}\" }} }}")))
            .Append(" } }, ");
        sb.Append("\"employees\": { ").AppendJoin(", ", scenario.Employees.Select(e => Inv($"\"{e.Key}\": {{ \"seat\": {B(e.Value.Seat)} }}"))).Append(" }, ");
        sb.Append(Inv($"\"call\": {{ \"direction\": \"{Kebab(call.Direction)}\", \"from\": {Phone(call.From)}, \"to\": {Phone(call.To)}, \"internal\": {B(call.Internal)}, \"via\": \"{Kebab(call.Via)}\", "));
        sb.Append(Inv($"\"tenant\": {Str(call.Tenant)}, \"queue\": {Str(call.Queue)}, \"user\": {Str(call.User)}, "));
        if (call.Handler is { } handler)
        {
            sb.Append(Inv($"\"handler\": \"{Kebab(handler)}\", "));
        }

        if (call.Transfer is { } transfer)
        {
            sb.Append(Inv($"\"transfer\": {{ \"to\": \"{Kebab(transfer.To)}\", \"atMs\": {transfer.AtMs} }}, "));
        }

        sb.Append(Inv($"\"durationMs\": {call.DurationMs}, \"events\": ["));
        sb.AppendJoin(", ", call.Events.Select(e => Inv($"{{ \"type\": \"{Kebab(e.Type)}\", \"atMs\": {e.AtMs} }}")));
        sb.Append("] } }");
        return sb.ToString();

        static string B(bool value) => value ? "true" : "false";
        static string Str(string? value) => value is null ? "null" : $"\"{value}\"";
        static string Phone(PhoneNumber? number) => number is { } n ? $"\"{n.E164}\"" : "null";
        static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>PascalCase enum member to the contract's kebab-case id.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
