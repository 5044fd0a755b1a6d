using System.CommandLine;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;

namespace Calltrail.Cli.Replaying;

/// <summary>
/// <c>calltrail replay --server URL [--token TOKEN] FILE</c>: plays scenarios against a running
/// service as live calls and prints each verdict as the service's records read back.
/// </summary>
internal static class ReplayCommand
{
    public const string TokenVariable = "CALLTRAIL_TOKEN";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario, or a JSON array of scenarios; - reads standard input." };
        var server = new Option<string>("--server") { Description = "The service's base URL, for example http://localhost:5000.", Required = true };
        var token = new Option<string?>("--token")
        {
            Description = $"A bearer token that may edit call recording settings, report call events and view calls (default: ${TokenVariable}).",
        };
        var region = new Option<string>("--region")
        {
            Description = "Region for reading national phone numbers, such as (555) 010-2000.",
            DefaultValueFactory = _ => "US",
        };
        var command = new Command("replay",
            "Make a server's settings those of each scenario, play its call as live events, and print the verdict read back from the server.")
        {
            file, server, token, region,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(file)!, parsed.GetValue(server)!, parsed.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
            parsed.GetValue(region)!, console));
        return command;
    }

    private static int Run(string path, string server, string? token, string region, CliConsole console)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            console.Error.WriteLine($"calltrail replay: --server: '{server}' is not an http(s) URL, for example http://localhost:5000");
            return ExitCodes.InvalidInput;
        }

        if (!PhoneNumberParser.IsSupportedRegion(region))
        {
            console.Error.WriteLine($"calltrail replay: --region: '{region}' is not a known region code (for example US, CA, GB)");
            return ExitCodes.InvalidInput;
        }

        if (!InputFile.TryRead(path, console, out var bytes, out var problem))
        {
            console.Error.WriteLine($"calltrail replay: {problem}");
            return ExitCodes.InvalidInput;
        }

        var file = new ScenarioReader(new PhoneNumberParser(region)).Read(bytes);
        if (!file.IsValid)
        {
            console.Error.WriteLine($"calltrail replay: {path}: refused; nothing was sent:");
            foreach (var issue in file.Problems)
            {
                console.Error.WriteLine($"  {issue}");
            }

            return ExitCodes.InvalidInput;
        }

        using var client = new ReplayClient(baseUri, token, console.Http());
        return client.ReplayAsync(file, console).GetAwaiter().GetResult();
    }
}
