using Calltrail.Decisions;
using Calltrail.Timeline;

namespace Calltrail.Tests.Support;

/// <summary>The contract fields of a verdict, written compactly for rule tables: spans as "0-45000 90000-120000", reasons as ids.</summary>
internal sealed record Expect(
    CallPath Path,
    bool LoggedCc,
    bool LoggedFs,
    bool RecordedCc,
    bool RecordedFs,
    bool Synced,
    bool AutoPause,
    string Spans,
    string Reasons,
    bool Announce = false)
{
    public static void Matches(Expect expected, Verdict actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(new BothSystems(expected.LoggedCc, expected.LoggedFs), actual.Logged);
        Assert.Equal(new BothSystems(expected.RecordedCc, expected.RecordedFs), actual.Recorded);
        Assert.Equal(expected.Synced, actual.SyncedToFieldService);
        Assert.Equal(expected.AutoPause, actual.AutoPause);
        Assert.Equal(expected.Announce, actual.Announce);
        Assert.Equal(ParseSpans(expected.Spans), actual.Spans.ToArray());
        Assert.Equal(ParseReasons(expected.Reasons), actual.Reasons.Select(r => r.Id()).Order().ToArray());
    }

    private static Span[] ParseSpans(string spans) =>
        [.. spans.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('-'))
            .Select(p => new Span(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private static string[] ParseReasons(string reasons) =>
        [.. reasons.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order()];
}

/// <summary>A named row of a rule table; the name is what xunit shows.</summary>
internal sealed record RuleCase(string Name, Calltrail.Calls.Scenario Scenario, Expect Expected)
{
    public static TheoryData<string> Names(IEnumerable<RuleCase> cases) => [.. cases.Select(c => c.Name)];

    public static void Check(IEnumerable<RuleCase> cases, string name)
    {
        var rule = cases.Single(c => c.Name == name);
        Expect.Matches(rule.Expected, Decider.Decide(rule.Scenario));
    }
}
