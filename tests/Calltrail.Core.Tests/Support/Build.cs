using System.Collections.Frozen;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Tests.Support;

/// <summary>Terse scenarios for rule tables: defaults everywhere, tenant 'north' automatic both ways, 'ana' has a seat, 'ben' has none.</summary>
internal static class Build
{
    public const long Duration = 120_000;
    public static readonly PhoneNumber Customer = PhoneNumber.FromE164("+15550100001");
    public static readonly PhoneNumber TrackingNumber = PhoneNumber.FromE164("+15550142000");

    public static Call InboundQueueCall() => new()
    {
        Direction = Direction.Inbound, From = Customer, To = TrackingNumber, Via = Via.TrackingNumber,
        Tenant = "north", Queue = "sales", User = "ana", DurationMs = Duration,
    };

    public static Call DirectLineCall() => InboundQueueCall() with { Via = Via.DirectLine, Tenant = null, Queue = null };

    public static Call ClickToCall(string user = "ana") => new()
    {
        Direction = Direction.Outbound, From = TrackingNumber, To = Customer, Via = Via.ClickToCall,
        Tenant = "north", User = user, DurationMs = Duration,
    };

    public static Call KeypadCall() => ClickToCall() with { Via = Via.Keypad, Tenant = null };

    public static Scenario Scenario(
        Call call,
        Func<ContactCenterSettings, ContactCenterSettings>? cc = null,
        FieldServiceSettings? north = null) => new()
    {
        Settings = new OrganizationSettings
        {
            ContactCenter = cc?.Invoke(ContactCenterSettings.Default) ?? ContactCenterSettings.Default,
            FieldService = Map(("north", north ?? FieldServiceSettings.Default)),
        },
        Employees = Map(("ana", new Employee(Seat: true)), ("ben", new Employee(Seat: false))),
        Call = call,
    };

    public static CallEvent[] Events(params (CallEventType Type, long AtMs)[] events) =>
        [.. events.Select(e => new CallEvent(e.Type, e.AtMs))];

    public static FrozenDictionary<string, T> Map<T>(params (string Key, T Value)[] entries) =>
        entries.ToFrozenDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static ExclusionList Excluding(params PhoneNumber[] numbers) => new(numbers);
}
