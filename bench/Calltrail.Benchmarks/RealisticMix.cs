using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Benchmarks;

/// <summary>
/// A deterministic "realistic mix" of scenarios for one organization (<see cref="MixOrganization"/>),
/// built with the core model types rather than JSON so that a benchmark measures deciding, not reading.
/// Call kinds, in per mille: 540 inbound tracking-number calls through a queue, 100 direct-line calls,
/// 80 virtual-agent calls, 40 forwarded to an external number, 150 click-to-call (a quarter by
/// employees without a seat), 75 keypad, 15 internal. On top: ~25% carry a payment-screen window,
/// ~5% a person's pause, ~10% a transfer, ~3% an external party on the exclusion list; durations are
/// log-uniform from 10 s to 20 min.
/// </summary>
public sealed class RealisticMix
{
    public const int DefaultSeed = 20_250_601;

    private const double MinDurationMs = 10_000;
    private const double MaxDurationMs = 20 * 60_000;

    private readonly Random random;
    private readonly MixOrganization org;

    private RealisticMix(int seed)
    {
        random = new Random(seed);
        org = MixOrganization.Create(random);
    }

    /// <summary>
    /// <paramref name="count"/> scenarios, the same ones for the same seed. Throws when any fails
    /// <see cref="ScenarioValidation"/>: the engine may assume valid input, so the benchmark must give it.
    /// </summary>
    public static Scenario[] Build(int count, int seed = DefaultSeed)
    {
        var mix = new RealisticMix(seed);
        var scenarios = new Scenario[count];
        for (var i = 0; i < count; i++)
        {
            scenarios[i] = new Scenario { Settings = mix.org.Settings, Employees = mix.org.Employees, Call = mix.NextCall() };
        }

        EnsureValid(scenarios);
        return scenarios;
    }

    private static void EnsureValid(Scenario[] scenarios)
    {
        for (var i = 0; i < scenarios.Length; i++)
        {
            var problems = ScenarioValidation.Validate(scenarios[i]);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"Generated scenario {i} is invalid: {string.Join("; ", problems)}");
            }
        }
    }

    private Call NextCall()
    {
        var durationMs = (long)Math.Round(Math.Exp(Uniform(Math.Log(MinDurationMs), Math.Log(MaxDurationMs))));
        var call = random.Next(1000) switch
        {
            < 540 => QueueCall(),
            < 640 => DirectLineCall(),
            < 720 => TrackingNumberCall(Handler.VirtualAgent),
            < 760 => TrackingNumberCall(Handler.ExternalNumber),
            < 910 => ClickToCall(),
            < 985 => KeypadCall(),
            _ => InternalCall(),
        };
        call = call with { DurationMs = durationMs };
        return call.Internal ? call : WithTransferAndEvents(call);
    }

    private Call QueueCall() => TrackingNumberCall(handler: Chance(0.3) ? Handler.Agent : null) with
    {
        Queue = Pick(org.Queues),
        User = Pick(org.SeatEmployees),
    };

    private Call TrackingNumberCall(Handler? handler)
    {
        var tenant = random.Next(org.Tenants.Length);
        return new Call
        {
            Direction = Direction.Inbound, From = ExternalParty(), To = Pick(org.TrackingNumbers[tenant]),
            Via = Via.TrackingNumber, Tenant = org.Tenants[tenant], Handler = handler,
        };
    }

    private Call DirectLineCall()
    {
        var user = Pick(org.SeatEmployees);
        return new Call { Direction = Direction.Inbound, From = ExternalParty(), To = org.DirectLines[user], Via = Via.DirectLine, User = user };
    }

    private Call ClickToCall()
    {
        var tenant = random.Next(org.Tenants.Length);
        return new Call
        {
            Direction = Direction.Outbound, From = Pick(org.TrackingNumbers[tenant]), To = ExternalParty(),
            Via = Via.ClickToCall, Tenant = org.Tenants[tenant],
            User = Chance(0.25) ? Pick(org.NonSeatEmployees) : Pick(org.SeatEmployees),
        };
    }

    // The keypad is part of the contact center, so only employees with a seat dial from it (the validator insists).
    private Call KeypadCall()
    {
        var user = Pick(org.SeatEmployees);
        return new Call { Direction = Direction.Outbound, From = org.DirectLines[user], To = ExternalParty(), Via = Via.Keypad, User = user };
    }

    private Call InternalCall()
    {
        var (caller, callee) = (Pick(org.SeatEmployees), Pick(org.SeatEmployees));
        var (from, to) = (org.DirectLines[caller], org.DirectLines[callee]);
        return Chance(0.5)
            ? new Call { Direction = Direction.Inbound, From = from, To = to, Via = Via.DirectLine, User = callee, Internal = true }
            : new Call { Direction = Direction.Outbound, From = from, To = to, Via = Via.Keypad, User = caller, Internal = true };
    }

    /// <summary>The customer's number: now and then one on the exclusion list.</summary>
    private PhoneNumber ExternalParty() => Chance(0.03) ? Pick(org.Excluded) : MixOrganization.CustomerNumber(random);

    private Call WithTransferAndEvents(Call call)
    {
        // Transfers happen to calls a person answered: 10% of all calls, so about one in six of those.
        var agentHandled = call.IsInbound && call.Handler is null or Handler.Agent;
        if (agentHandled && Chance(0.156))
        {
            var to = random.Next(10) switch { < 5 => TransferTarget.Agent, < 8 => TransferTarget.Queue, _ => TransferTarget.ExternalNumber };
            call = call with { Transfer = new Transfer(to, At(call.DurationMs)) };
        }

        var events = new List<CallEvent>();
        if (Chance(0.254))
        {
            AddWindow(events, call.DurationMs, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed);
            if (Chance(0.1))
            {
                // A declined card: the screen is opened a second time.
                AddWindow(events, call.DurationMs, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed);
            }
        }

        if (Chance(0.05))
        {
            AddWindow(events, call.DurationMs, CallEventType.PauseRequested, CallEventType.ResumeRequested);
        }

        if (RecordsOnDemand(call) && Chance(0.6))
        {
            events.Add(new CallEvent(CallEventType.RecordRequested, At(call.DurationMs)));
        }

        // Events arrive in time order; OrderBy is stable, so equal times keep the order they were made in.
        return events.Count == 0 ? call : call with { Events = [.. events.OrderBy(e => e.AtMs)] };
    }

    /// <summary>An open event and, unless the window outlasts the call (or is left open, 5%), its close 15 s–3 min later.</summary>
    private void AddWindow(List<CallEvent> events, long durationMs, CallEventType open, CallEventType close)
    {
        var openedAt = At(durationMs);
        events.Add(new CallEvent(open, openedAt));
        var closedAt = openedAt + (long)Uniform(15_000, 180_000);
        if (closedAt <= durationMs && !Chance(0.05))
        {
            events.Add(new CallEvent(close, closedAt));
        }
    }

    private bool RecordsOnDemand(Call call) =>
        call.Tenant is { } tenant
        && org.FieldService[tenant] is var fs
        && (call.IsInbound ? fs.Inbound : fs.Outbound) == RecordingMode.OnDemand;

    private long At(long durationMs) => random.NextInt64(durationMs + 1);

    private double Uniform(double min, double max) => min + (random.NextDouble() * (max - min));

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
