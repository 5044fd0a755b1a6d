using Calltrail.Decisions;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.TestKit;

namespace Calltrail.Scenarios.Tests.Examples;

/// <summary>Every worked example of the spec, read, decided and written back, equals its verdict exactly.</summary>
public class SpecExampleTests
{
    public static TheoryData<string> Names => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide_SpecExample_MatchesItsVerdict(string name)
    {
        var example = SpecExamples.Named(name);
        var file = new ScenarioReader().Read(File.ReadAllBytes(example.ScenarioPath));

        Assert.True(file.IsValid, string.Join("; ", file.Problems));
        var json = VerdictJson.Serialize([.. file.Scenarios.Select(Decider.Decide)], file.IsArray);
        VerdictAssert.Equivalent(File.ReadAllText(example.VerdictPath), json);
    }

    [Fact]
    public void SpecExamples_AllOfThemInOneArray_GiveTheirVerdictsInOrder()
    {
        var scenarios = SpecExamples.All.Select(e => File.ReadAllText(e.ScenarioPath));
        var verdicts = SpecExamples.All.Select(e => File.ReadAllText(e.VerdictPath));

        var file = new ScenarioReader().Read($"[{string.Join(",", scenarios)}]");

        Assert.True(file.IsArray);
        var json = VerdictJson.Serialize([.. file.Scenarios.Select(Decider.Decide)], asArray: true);
        VerdictAssert.Equivalent($"[{string.Join(",", verdicts)}]", json);
    }
}
