namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>What a server process wrote to its log that a run should report.</summary>
public static class Logs
{
    /// <summary>
    /// Warnings and errors the server logged (the console logger's "warn:", "fail:" and "crit:" lines, with
    /// the message line after each), except the three every fresh trial server gives at start.
    /// </summary>
    public static List<string> Problems(string logPath)
    {
        string[] expected = ["No Recorder:Keys configured", "No XML encryptor configured", "No calls yet."];
        var lines = File.Exists(logPath) ? File.ReadAllLines(logPath) : [];
        return [.. lines.Select((line, i) => i + 1 < lines.Length ? $"{line} {lines[i + 1].Trim()}" : line)
            .Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))
            .Where(l => !expected.Any(e => l.Contains(e, StringComparison.Ordinal)))];
    }
}
