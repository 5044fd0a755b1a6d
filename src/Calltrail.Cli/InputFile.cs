namespace Calltrail.Cli;

/// <summary>Reads a named file, or standard input for <c>-</c>, turning what can go wrong into one plain line.</summary>
internal static class InputFile
{
    public static bool TryRead(string path, CliConsole console, out byte[] bytes, out string problem)
    {
        bytes = [];
        problem = string.Empty;
        try
        {
            if (path == "-")
            {
                bytes = System.Text.Encoding.UTF8.GetBytes(console.In.ReadToEnd());
                return true;
            }

            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => $"{path}: no such file",
                UnauthorizedAccessException when Directory.Exists(path) => $"{path}: is a directory, not a file",
                UnauthorizedAccessException => $"{path}: permission denied",
                _ => $"{path}: cannot be read ({e.Message})",
            };
            return false;
        }
    }
}
