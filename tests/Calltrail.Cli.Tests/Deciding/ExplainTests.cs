using Calltrail.Cli.Tests.Support;
using Calltrail.Decisions;
using Calltrail.Explaining;
using Calltrail.TestKit;

namespace Calltrail.Cli.Tests.Deciding;

public class ExplainTests
{
    private static string ExplainExample(string prefix)
    {
        var example = SpecExamples.All.First(e => e.Name.StartsWith(prefix, StringComparison.Ordinal));
        var result = CliRun.InProcess("decide", "--explain", example.ScenarioPath);
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    [Fact]
    public void Explain_QueueCall_SaysThePathTheSettingAndItsSource()
    {
        var text = ExplainExample("06-");

        Assert.Contains("Path:        contact-center", text, StringComparison.Ordinal);
        Assert.Contains("queue 'sales' record = on, inherited from the contact center's default for queues", text, StringComparison.Ordinal);
        Assert.Contains("Paused:      0:45–1:30 (payment screen open", text, StringComparison.Ordinal);
        Assert.Contains("Audio kept:  0:00–0:45, 1:30–2:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_EveryReasonOfTheVerdict_IsToldInPlainWords()
    {
        var example = SpecExamples.All.First(e => e.Name.StartsWith("07-", StringComparison.Ordinal));
        var verdictReasons = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(example.VerdictPath))!["reasons"]!.AsArray()
            .Select(r => (string)r!).ToArray();

        var text = ExplainExample("07-");

        foreach (var id in verdictReasons)
        {
            Assert.True(ReasonIds.TryParse(id, out var reason));
            Assert.Contains($"  - {id}: {ReasonText.Describe(reason)}", text, StringComparison.Ordinal);
        }

        Assert.Contains("UNPROTECTED: 0:45–1:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SyncBlocked_SaysWhereTheRecordingIs()
    {
        var text = ExplainExample("05-");

        Assert.Contains("stays in the contact center", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ArrayFile_ExplainsEachScenario()
    {
        var examples = SpecExamples.All.Take(2).ToArray();
        using var file = CliRun.Temp($"[{string.Join(",", examples.Select(e => File.ReadAllText(e.ScenarioPath)))}]");

        var result = CliRun.InProcess("decide", "--explain", file.Path);

        Assert.Contains("Scenario [0] of 2", result.Out, StringComparison.Ordinal);
        Assert.Contains("Scenario [1] of 2", result.Out, StringComparison.Ordinal);
    }
}
