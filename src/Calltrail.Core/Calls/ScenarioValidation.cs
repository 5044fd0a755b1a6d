using Calltrail.Decisions;

namespace Calltrail.Calls;

/// <summary>
/// The rules a well-formed scenario must still meet before it can be judged (scenario-format.md,
/// "Invalid scenarios"). Shapes and types are the reader's business; this is what only makes sense
/// once the scenario is whole.
/// </summary>
public static class ScenarioValidation
{
    public static IReadOnlyList<ScenarioProblem> Validate(Scenario scenario)
    {
        var problems = new List<ScenarioProblem>();
        var call = scenario.Call;
        CheckTimes(call, problems);
        CheckVia(call, problems);

        if (!call.IsInbound && call.Handler is not null)
        {
            problems.Add(new("call.handler", "only an inbound call has a handler (agent, virtual-agent or external-number); remove it from this outbound call"));
        }

        if (!call.IsInbound && call.Via == Via.Keypad && !scenario.HasSeat(call.User))
        {
            problems.Add(new("call.via", $"a keypad call is dialled in the contact center, but employee '{call.User}' has no contact-center seat"));
        }

        if (problems.Count == 0 && call.Tenant is null && PathRules.Choose(scenario) is var path && path.IsFieldService())
        {
            problems.Add(new("call.tenant", $"required: this call takes the {path.Id()} path, where the field-service settings of a tenant apply"));
        }

        return problems;
    }

    private static void CheckTimes(Call call, List<ScenarioProblem> problems)
    {
        if (call.DurationMs < 0)
        {
            problems.Add(new("call.durationMs", $"must be 0 or more milliseconds, got {call.DurationMs}"));
            return;
        }

        if (call.Transfer is { } transfer)
        {
            CheckTime("call.transfer.atMs", transfer.AtMs, call.DurationMs, problems);
        }

        for (var i = 0; i < call.Events.Count; i++)
        {
            CheckTime($"call.events[{i}].atMs", call.Events[i].AtMs, call.DurationMs, problems);
        }
    }

    private static void CheckTime(string field, long atMs, long durationMs, List<ScenarioProblem> problems)
    {
        if (atMs < 0)
        {
            problems.Add(new(field, $"must be 0 or more milliseconds from connect, got {atMs}"));
        }
        else if (atMs > durationMs)
        {
            problems.Add(new(field, $"is {atMs}, after the end of the call (call.durationMs is {durationMs})"));
        }
    }

    private static void CheckVia(Call call, List<ScenarioProblem> problems)
    {
        var fits = call.IsInbound
            ? call.Via is Via.TrackingNumber or Via.DirectLine
            : call.Via is Via.ClickToCall or Via.Keypad;
        if (!fits)
        {
            var expected = call.IsInbound
                ? "an inbound call comes in by tracking-number or direct-line"
                : "an outbound call is placed by click-to-call or keypad";
            problems.Add(new("call.via", $"{expected}, not {ContractNames.Vias.NameOf(call.Via)}"));
        }
    }
}
