namespace Calltrail.Recorder.Tests.Fuzzing;

/// <summary>The seed corpus in fuzz/corpus/&lt;target&gt;/, found from the repository root (the folder holding Calltrail.slnx).</summary>
internal static class Corpus
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "fuzz", "corpus");

    public static IEnumerable<(string Target, string File)> Files() =>
        System.IO.Directory.GetDirectories(Directory)
            .Order(StringComparer.Ordinal)
            .SelectMany(dir => System.IO.Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(dir), Path.GetFileName(f))));

    public static byte[] Read(string target, string file) => File.ReadAllBytes(Path.Combine(Directory, target, file));

    /// <summary>Seeds named bad-* are malformed on purpose: their target must refuse them.</summary>
    public static bool IsMalformed(string file) => file.StartsWith("bad-", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Calltrail.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Calltrail.slnx above {AppContext.BaseDirectory}");
    }
}
