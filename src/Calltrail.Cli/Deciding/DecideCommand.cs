using System.CommandLine;
using Calltrail.Decisions;
using Calltrail.Explaining;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;

namespace Calltrail.Cli.Deciding;

/// <summary><c>calltrail decide [--explain] [--region XX] FILE</c>: the engine over a scenario file (scenario-format.md).</summary>
internal static class DecideCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario, or a JSON array of scenarios; - reads standard input." };
        var explain = new Option<bool>("--explain") { Description = "Explain each verdict in plain words instead of printing JSON." };
        var region = new Option<string>("--region")
        {
            Description = "Region for reading national phone numbers, such as (555) 010-2000.",
            DefaultValueFactory = _ => "US",
        };
        var command = new Command("decide", "Decide where a call is logged and recorded, and why.") { file, explain, region };
        command.SetAction(parsed => Run(parsed.GetValue(file)!, parsed.GetValue(explain), parsed.GetValue(region)!, console));
        return command;
    }

    private static int Run(string path, bool explain, string region, CliConsole console)
    {
        if (!PhoneNumberParser.IsSupportedRegion(region))
        {
            console.Error.WriteLine($"calltrail decide: --region: '{region}' is not a known region code (for example US, CA, GB)");
            return ExitCodes.InvalidInput;
        }

        if (!InputFile.TryRead(path, console, out var bytes, out var problem))
        {
            console.Error.WriteLine($"calltrail decide: {problem}");
            return ExitCodes.InvalidInput;
        }

        var file = new ScenarioReader(new PhoneNumberParser(region)).Read(bytes);
        if (!file.IsValid)
        {
            var what = file.IsArray ? "scenarios were" : "scenario was";
            console.Error.WriteLine($"calltrail decide: {path}: refused; no {what} judged:");
            foreach (var issue in file.Problems)
            {
                console.Error.WriteLine($"  {issue}");
            }

            return ExitCodes.InvalidInput;
        }

        var verdicts = file.Scenarios.Select(Decider.Decide).ToArray();
        console.Out.Write(explain ? Explain(file, verdicts) : VerdictJson.Serialize(verdicts, file.IsArray) + Environment.NewLine);
        return ExitCodes.Ok;
    }

    private static string Explain(ScenarioFile file, Verdict[] verdicts)
    {
        if (!file.IsArray)
        {
            return Explanation.Render(file.Scenarios[0], verdicts[0]);
        }

        var parts = verdicts.Select((verdict, i) =>
            $"Scenario [{i}] of {verdicts.Length}{Environment.NewLine}{Explanation.Render(file.Scenarios[i], verdict)}");
        return string.Join(Environment.NewLine, parts);
    }
}
