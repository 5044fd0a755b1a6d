using System.Collections.Immutable;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.Tracking;

namespace Calltrail.Live;

/// <summary>Where a live call stands in the service.</summary>
public enum LiveCallStatus
{
    /// <summary>Events arrived before the started event; nothing can be decided yet.</summary>
    AwaitingStart,

    Live,

    Ended,

    /// <summary>The events describe a call the rules cannot judge (for example a keypad call by a seatless employee).</summary>
    Invalid,
}

/// <summary>The engine's judgement of a live call as its events stand.</summary>
public sealed record Judgement
{
    public required LiveCallStatus Status { get; init; }

    /// <summary>The call in the engine's terms; null while awaiting the start.</summary>
    public Call? Call { get; init; }

    /// <summary>The verdict over the call so far (to the end once it has ended); null unless live or ended.</summary>
    public Verdict? Verdict { get; init; }

    public IReadOnlyList<ScenarioProblem> Problems { get; init; } = [];

    /// <summary>Call tracking's classification, once an inbound call has ended.</summary>
    public CallClassification? Classification { get; init; }

    /// <summary>
    /// The call's audio timeline in ms from connect, as the events so far tell it: contiguous segments,
    /// the last one open — what is in force from the latest moment on. Empty unless live or ended.
    /// </summary>
    public ImmutableArray<PlanSegment> Timeline { get; init; } = [];

    /// <summary>When the call connected (Unix ms, the events' clock); null before it has.</summary>
    public long? ConnectedAt { get; init; }

    /// <summary>What is in force at the latest moment the events speak of.</summary>
    public AudioState AudioNow => Timeline.IsDefaultOrEmpty ? AudioState.NotRecording : Timeline[^1].State;

    /// <summary>Why the audio is paused now, if it is.</summary>
    public PauseCause? PauseCauseNow => Timeline.IsDefaultOrEmpty ? null : Timeline[^1].Cause;

    /// <summary>The employee should be prompted to announce the recording: it is running now and the settings ask for it.</summary>
    public bool AnnounceNow { get; init; }

    /// <summary>The payment screen is open right now and nothing pauses the recording (no tenant, strict mode off).</summary>
    public bool PaymentUnprotectedNow { get; init; }
}

/// <summary>Judges a live call: the same engine as <c>calltrail decide</c>, fed from the call's events.</summary>
public static class LiveJudge
{
    /// <param name="tenant">The tenant the edge resolved (from the started event or its tracking number).</param>
    public static Judgement Judge(LiveCall live, OrganizationSettings settings, IReadOnlyDictionary<string, Employee> employees, string? tenant)
    {
        if (live.ToCall(tenant) is not { } call)
        {
            return new Judgement { Status = LiveCallStatus.AwaitingStart };
        }

        var scenario = new Scenario { Settings = settings, Employees = employees, Call = call };
        var problems = ScenarioValidation.Validate(scenario);
        if (problems.Count > 0)
        {
            return new Judgement { Status = LiveCallStatus.Invalid, Call = call, Problems = problems };
        }

        var verdict = Decider.Decide(scenario);
        var (timeline, unprotected, announce) = TimelineNow(live, scenario, verdict);
        return new Judgement
        {
            Status = live.IsEnded ? LiveCallStatus.Ended : LiveCallStatus.Live,
            Call = call,
            Verdict = verdict,
            Classification = live.IsEnded ? Classification.Classify(LiveCallFold.Outcome(live)) : null,
            Timeline = timeline,
            ConnectedAt = live.ConnectedAt,
            PaymentUnprotectedNow = unprotected,
            AnnounceNow = announce,
        };
    }

    private static (ImmutableArray<PlanSegment> Timeline, bool Unprotected, bool Announce) TimelineNow(LiveCall live, Scenario scenario, Verdict verdict)
    {
        if (live.IsEnded)
        {
            return (AudioTimeline.Of(verdict, live.ConnectedMs, AudioState.NotRecording, null), false, false);
        }

        if (!live.IsConnected)
        {
            return ([new PlanSegment(0, PlanSegment.Open, AudioState.NotRecording)], false, false);
        }

        // A call still going: judge it one millisecond past its latest event, so that what began at
        // that moment (a payment screen just opened) is in force, and stays in force until an event says otherwise.
        var open = Decider.Decide(scenario with { Call = live.ToCall(scenario.Call.Tenant, horizonMs: 1)! });
        var now = live.ConnectedMs;
        var (state, cause) = AudioTimeline.StateAt(open, now);
        return (AudioTimeline.Of(open, now, state, cause), open.UnprotectedPaymentWindows.Any(w => w.Contains(now)),
            open.Announce && state == AudioState.Recording);
    }
}
