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

    /// <summary>What the recorder should be doing at the latest moment the events speak of.</summary>
    public RecorderState Recorder { get; init; }

    public PauseCause? PauseCause { get; init; }

    /// <summary>
    /// While paused: when the pause began, in the events' own time (Unix ms) — so a recorder can drop
    /// audio from that moment even if the event reached it a little later.
    /// </summary>
    public long? PausedSince { get; init; }

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
        var (state, cause, unprotected, announce, pausedSince) = RecorderNow(live, scenario, verdict);
        return new Judgement
        {
            Status = live.IsEnded ? LiveCallStatus.Ended : LiveCallStatus.Live,
            Call = call,
            Verdict = verdict,
            Classification = live.IsEnded ? Classification.Classify(LiveCallFold.Outcome(live)) : null,
            Recorder = state,
            PauseCause = cause,
            PausedSince = pausedSince,
            PaymentUnprotectedNow = unprotected,
            AnnounceNow = announce,
        };
    }

    private static (RecorderState, PauseCause?, bool Unprotected, bool Announce, long? PausedSince) RecorderNow(LiveCall live, Scenario scenario, Verdict verdict)
    {
        if (live.IsEnded)
        {
            return (verdict.Spans.IsEmpty ? RecorderState.Idle : RecorderState.Stopped, null, false, false, null);
        }

        if (!live.IsConnected)
        {
            return (RecorderState.Idle, null, false, false, null);
        }

        // A call still going: judge it one millisecond past its latest event, so that what began at
        // that moment (a payment screen just opened) is in force.
        var open = Decider.Decide(scenario with { Call = live.ToCall(scenario.Call.Tenant, horizonMs: 1)! });
        var now = live.ConnectedMs;
        var state = Recorder.StateAt(open, now);
        long? pausedSince = state == RecorderState.Paused && Recorder.PausedSinceMs(open, now) is { } since ? live.ConnectedAt + since : null;
        return (state, Recorder.PauseCauseAt(open, now), open.UnprotectedPaymentWindows.Any(w => w.Contains(now)),
            open.Announce && state == RecorderState.Recording, pausedSince);
    }
}
