using Calltrail.Cli;

return CalltrailCli.Run(args, CliConsole.System);
