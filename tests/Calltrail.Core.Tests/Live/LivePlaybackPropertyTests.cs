using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Tests.Properties;
using CsCheck;

namespace Calltrail.Tests.Live;

/// <summary>
/// The live pipeline and <c>decide</c> are one engine: any valid scenario, played as live events and
/// delivered in any order, any number of times, judges to the scenario's own verdict.
/// </summary>
public class LivePlaybackPropertyTests
{
    private const long ConnectAt = 1_790_000_000_000;

    [Fact]
    public void Playing_a_scenario_live_gives_its_verdict() =>
        ScenarioGen.Scenarios.Sample(
            scenario => Assert.Equal(Decider.Decide(scenario), JudgeLive(scenario, ScenarioPlayback.ToEvents(scenario, "c", ConnectAt))),
            iter: 3_000,
            print: ScenarioGen.Describe);

    [Fact]
    public void Delivery_order_and_repeats_do_not_change_the_verdict() =>
        Gen.Select(ScenarioGen.Scenarios, Gen.Int[0, int.MaxValue]).Sample(
            (scenario, seed) =>
            {
                var events = ScenarioPlayback.ToEvents(scenario, "c", ConnectAt);
                var random = new Random(seed);
                // Every event at least once, some twice, shuffled — as a retrying, unordered transport delivers them.
                var delivered = events.Concat(events.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
                var distinct = delivered.DistinctBy(e => e.Sequence);
                Assert.Equal(Decider.Decide(scenario), JudgeLive(scenario, distinct));
            },
            iter: 2_000,
            print: t => ScenarioGen.Describe(t.Item1));

    private static Verdict? JudgeLive(Scenario scenario, IEnumerable<LiveEvent> events)
    {
        var live = LiveCallFold.Fold("c", events);
        var judgement = LiveJudge.Judge(live, scenario.Settings, scenario.Employees, scenario.Call.Tenant);
        Assert.Equal(LiveCallStatus.Ended, judgement.Status);
        return judgement.Verdict;
    }
}
