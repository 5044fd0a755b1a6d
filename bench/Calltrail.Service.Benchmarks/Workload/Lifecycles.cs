using System.Text;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Scenarios.Writing;

namespace Calltrail.Service.Benchmarks.Workload;

/// <summary>
/// Call lifecycles as the telephony reports them: a realistic-mix scenario played through
/// <see cref="ScenarioPlayback.ToEvents"/> (started, the connect, a transfer and payment or pause
/// windows where the scenario has them, ended), under a call id of its own.
/// </summary>
internal static class Lifecycles
{
    private static readonly string[] Reasons = ["estimate", "repair", "maintenance", "billing question", "wrong number"];

    public static IReadOnlyList<LiveEvent> Play(Scenario scenario, string callId, long connectAt) =>
        ScenarioPlayback.ToEvents(scenario, callId, connectAt);

    /// <summary>One JSON body per event, as the API takes them one request at a time.</summary>
    public static byte[][] EventBodies(IReadOnlyList<LiveEvent> events) =>
        [.. events.Select(e => Encoding.UTF8.GetBytes(LiveEventJson.Serialize(e)))];

    /// <summary>The whole lifecycle as one JSON array: one request.</summary>
    public static byte[] LifecycleBody(IReadOnlyList<LiveEvent> events) => Encoding.UTF8.GetBytes(LiveEventJson.SerializeMany(events));

    /// <summary>Which logs the engine says keep a record of the call: what the server's logs must hold once it ended.</summary>
    public static (bool ContactCenter, bool FieldService) Logged(Scenario scenario)
    {
        var verdict = Decider.Decide(scenario);
        return (verdict.Logged.ContactCenter, verdict.Logged.FieldService);
    }

    /// <summary>
    /// Adds what the field-service platform reports during an answered inbound call — a job booked on about
    /// 35%, a call reason on about 30% (a fifth of them "not a lead") — before the call's end. The mix's
    /// scenarios carry no such events, and without them no stored call would be classified booked or
    /// not-a-lead, which would make the classification filter an unrealistic worst case.
    /// </summary>
    public static IReadOnlyList<LiveEvent> WithTracking(IReadOnlyList<LiveEvent> events, Random random)
    {
        var start = events[0].Start;
        var connect = events.FirstOrDefault(e => e.Type == LiveEventType.Answered && e.Employee is not null);
        if (start is not { Direction: Direction.Inbound } || connect is null)
        {
            return events;
        }

        var ended = events[^1];
        var extra = new List<LiveEvent>();
        LiveEvent During(LiveEventType type) => new(ended.CallId, 0, type, connect.At + random.NextInt64(ended.At - connect.At + 1));
        if (random.NextDouble() < 0.35)
        {
            extra.Add(During(LiveEventType.JobBooked));
        }

        if (random.NextDouble() < 0.30)
        {
            extra.Add(During(LiveEventType.CallReasonSet) with { CallReason = Reasons[random.Next(Reasons.Length)], IsLead = random.NextDouble() >= 0.2 });
        }

        // In time order, the end last; sequence numbers follow (OrderBy is stable for equal times).
        return [.. events.Take(events.Count - 1).Concat(extra).OrderBy(e => e.At).Append(ended).Select((e, i) => e with { Sequence = i + 1 })];
    }
}
