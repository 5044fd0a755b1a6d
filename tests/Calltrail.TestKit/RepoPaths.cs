namespace Calltrail.TestKit;

/// <summary>Where the repository and its spec are, found from the test binaries rather than the working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Spec => Path.Combine(Root, "spec");

    /// <summary>The product's shared spec beside the repository (../shared/spec), when this checkout has one.</summary>
    public static string SharedSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "spec"));

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Calltrail.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Calltrail.slnx above {AppContext.BaseDirectory}.");
    }
}
