namespace Calltrail.Cli;

/// <summary>What the process tells its caller.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something went wrong inside Calltrail: a bug, reported in one line, never as a stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>The input was refused: bad arguments, an unreadable file, an invalid scenario.</summary>
    public const int InvalidInput = 2;
}
