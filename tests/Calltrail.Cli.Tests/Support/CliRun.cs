using System.Diagnostics;

namespace Calltrail.Cli.Tests.Support;

/// <summary>What a run of the CLI printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

internal static class CliRun
{
    /// <summary>Runs the CLI in this process, with its own streams.</summary>
    public static CliResult WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CalltrailCli.Run(args, new CliConsole(new StringReader(stdin), output, error));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static CliResult InProcess(params string[] args) => WithInput(string.Empty, args);

    /// <summary>Runs the built <c>calltrail</c> as a real process, as a shell would.</summary>
    public static CliResult AsProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "calltrail.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A scratch file that removes itself.</summary>
    public static TempFile Temp(string content) => new(content);
}

internal sealed class TempFile : IDisposable
{
    public TempFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"calltrail-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
