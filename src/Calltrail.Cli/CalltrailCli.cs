using System.CommandLine;
using Calltrail.Cli.Deciding;
using Calltrail.Cli.Replaying;
using Calltrail.Cli.Tables;

namespace Calltrail.Cli;

/// <summary>The <c>calltrail</c> command line: its commands, and the promise that bad input exits 2 with a message and no stack trace.</summary>
public static class CalltrailCli
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Calltrail: call tracking and call recording for home-service contact centers.")
        {
            DecideCommand.Create(console),
            TableCommand.Create(console),
            ReplayCommand.Create(console),
        };

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    console.Error.WriteLine($"calltrail: {error.Message}");
                }

                console.Error.WriteLine("Run 'calltrail --help' for usage.");
                return ExitCodes.InvalidInput;
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error.WriteLine($"calltrail: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
