using Calltrail.Cli.Tests.Support;
using Calltrail.TestKit;

namespace Calltrail.Cli.Tests.Deciding;

public class DecideCommandTests
{
    public static TheoryData<string> Examples => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Decide_SpecExample_PrintsItsVerdict(string name)
    {
        var example = SpecExamples.Named(name);

        var result = CliRun.InProcess("decide", example.ScenarioPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        VerdictAssert.Equivalent(File.ReadAllText(example.VerdictPath), result.Out);
    }

    [Fact]
    public void Decide_ArrayFile_PrintsAnArrayInOrder()
    {
        var examples = SpecExamples.All.Take(3).ToArray();
        using var file = CliRun.Temp($"[{string.Join(",", examples.Select(e => File.ReadAllText(e.ScenarioPath)))}]");

        var result = CliRun.InProcess("decide", file.Path);

        Assert.Equal(0, result.ExitCode);
        VerdictAssert.Equivalent($"[{string.Join(",", examples.Select(e => File.ReadAllText(e.VerdictPath)))}]", result.Out);
    }

    [Fact]
    public void Decide_Dash_ReadsStandardInput()
    {
        var example = SpecExamples.All[0];

        var result = CliRun.WithInput(File.ReadAllText(example.ScenarioPath), "decide", "-");

        Assert.Equal(0, result.ExitCode);
        VerdictAssert.Equivalent(File.ReadAllText(example.VerdictPath), result.Out);
    }

    [Fact]
    public void Decide_InvalidElementInArray_ExitsTwoNamingIndexAndFieldAndPrintsNothing()
    {
        var valid = File.ReadAllText(SpecExamples.All[0].ScenarioPath);
        using var file = CliRun.Temp("[" + valid + """, {"call": {"direction": "outbound", "handler": "agent"}}]""");

        var result = CliRun.InProcess("decide", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("[1].call.handler", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LoneSurrogateEscape_ExitsTwoNamingTheFile()
    {
        // Found by fuzzing the scenario reader: this used to escape as an exception, exit 1.
        using var file = CliRun.Temp("""{"call": {"direction": "inbound", "from": "\ud800"}}""");

        var result = CliRun.InProcess("decide", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("(file)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decide")]
    [InlineData("decide", "/no/such/scenario.json")]
    [InlineData("decide", "--region", "XX", "x.json")]
    [InlineData("decide", "--explian", "x.json")]
    [InlineData("nonsense")]
    public void Decide_BadArguments_ExitTwo(params string[] args)
    {
        var result = CliRun.InProcess(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Error.Trim());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Decide_Directory_ExitsTwo()
    {
        var result = CliRun.InProcess("decide", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RegionOption_ReadsNationalNumbersThere()
    {
        using var file = CliRun.Temp("""
            {"settings": {"contactCenter": {"exclusionList": ["020 7946 0958"]}},
             "call": {"direction": "inbound", "from": "+44 20 7946 0958", "tenant": "north", "queue": "q", "durationMs": 1000}}
            """);

        var us = CliRun.InProcess("decide", file.Path);
        var gb = CliRun.InProcess("decide", "--region", "GB", file.Path);

        Assert.Equal(2, us.ExitCode);
        Assert.Contains("settings.contactCenter.exclusionList[0]", us.Error, StringComparison.Ordinal);
        Assert.Equal(0, gb.ExitCode);
        Assert.Contains("excluded-number", gb.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AsARealProcess_RefusesBadInputWithExitTwoAndNoStackTrace()
    {
        using var file = CliRun.Temp("""{"call": {"direction": "inbound", "from": "not a number", "durationMs": -3}}""");

        var result = CliRun.AsProcess("decide", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("call.from", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AsARealProcess_PrintsTheVerdict()
    {
        var example = SpecExamples.All[^1];

        var result = CliRun.AsProcess("decide", example.ScenarioPath);

        Assert.Equal(0, result.ExitCode);
        VerdictAssert.Equivalent(File.ReadAllText(example.VerdictPath), result.Out);
    }
}
