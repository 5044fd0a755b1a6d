using Calltrail.Calls;

namespace Calltrail.Decisions;

/// <summary>
/// The recording decision engine: one pure function from a scenario to its verdict. The scenario must
/// have passed <see cref="ScenarioValidation"/>; an invalid one is a programming error here.
/// </summary>
public static class Decider
{
    private static readonly Verdict InternalCall = new()
    {
        Path = CallPath.Internal,
        Logged = BothSystems.Neither,
        Recorded = BothSystems.Neither,
        SyncedToFieldService = false,
        AutoPause = false,
        Announce = false,
        Spans = [],
        Reasons = ReasonSet.Of(Reason.InternalCall),
    };

    public static Verdict Decide(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var path = PathRules.Choose(scenario);
        return path switch
        {
            CallPath.Internal => InternalCall,
            CallPath.ContactCenter => ContactCenterPath.Decide(scenario),
            _ => FieldServicePath.Decide(scenario, path),
        };
    }
}
