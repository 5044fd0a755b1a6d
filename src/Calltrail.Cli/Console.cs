namespace Calltrail.Cli;

/// <summary>The process's standard streams, passed in so tests can run the CLI in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>How commands that talk to a server reach it; tests hand in an in-memory server's handler.</summary>
    public Func<HttpMessageHandler> Http { get; init; } = () => new SocketsHttpHandler();

    public static CliConsole System => new(global::System.Console.In, global::System.Console.Out, global::System.Console.Error);
}
