using Calltrail.Cli.Tables;
using Calltrail.Cli.Tests.Support;
using Calltrail.Tables;
using Calltrail.TestKit;

namespace Calltrail.Cli.Tests.Tables;

public class TableCommandTests
{
    private static readonly string Doc = RepoPaths.File("docs", "recording-behavior.md");

    [Fact]
    public void Table_PrintsBothTablesFromTheEngine()
    {
        var result = CliRun.InProcess("table");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(BehaviorTables.Render(), result.Out);
        Assert.Contains("### Inbound calls", result.Out, StringComparison.Ordinal);
        Assert.Contains("### Outbound calls", result.Out, StringComparison.Ordinal);
        Assert.Equal(BehaviorTables.Inbound.Count + BehaviorTables.Outbound.Count + 4, result.Out.Split('\n').Count(l => l.StartsWith('|')));
    }

    [Fact]
    public void RecordingBehaviorDoc_EmbedsExactlyWhatTheEngineProduces()
    {
        var text = File.ReadAllText(Doc);

        Assert.True(TableCommand.TryReplace(text, BehaviorTables.Render(), out var regenerated), "docs/recording-behavior.md lost its table markers.");
        Assert.True(
            regenerated == text,
            "docs/recording-behavior.md no longer matches the engine. Run: dotnet run --project src/Calltrail.Cli -- table --update docs/recording-behavior.md");
    }

    [Fact]
    public void Table_Update_RewritesOnlyBetweenTheMarkers()
    {
        using var file = CliRun.Temp($"# Title\n\nbefore\n{TableCommand.Begin}\nstale table\n{TableCommand.End}\nafter\n");

        var result = CliRun.InProcess("table", "--update", file.Path);

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(file.Path);
        Assert.StartsWith("# Title\n\nbefore\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"{TableCommand.End}\nafter\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stale table", text, StringComparison.Ordinal);
        Assert.Contains(BehaviorTables.Render(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_UpdateWithoutMarkers_ExitsTwoAndLeavesTheFile()
    {
        using var file = CliRun.Temp("no markers here\n");

        var result = CliRun.InProcess("table", "--update", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("no markers here\n", File.ReadAllText(file.Path));
    }
}
