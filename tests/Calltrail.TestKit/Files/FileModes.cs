namespace Calltrail.TestKit.Files;

/// <summary>What a test of file modes needs: every entry under a directory with its mode, and the process's umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class FileModes
{
    /// <summary>Every file and directory under <paramref name="root"/> (itself included) whose mode is not the private one, as "0644 path".</summary>
    public static IReadOnlyList<string> NotPrivate(string root) =>
    [
        .. new[] { root }.Concat(Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            .Select(path => (path, mode: File.GetUnixFileMode(path), isDirectory: Directory.Exists(path)))
            .Where(e => e.mode != (e.isDirectory ? Private.Directory : Private.File))
            .Select(e => $"{Convert.ToString((int)e.mode, 8).PadLeft(4, '0')} {Path.GetRelativePath(root, e.path)}"),
    ];

    /// <summary>
    /// The process's umask (Linux: /proc/self/status). A test of creation modes is only telling when the
    /// umask would otherwise let others read what is created (022 does; 077 would hide a missing mode).
    /// </summary>
    public static int Umask() =>
        Convert.ToInt32(File.ReadLines("/proc/self/status").First(l => l.StartsWith("Umask:", StringComparison.Ordinal))["Umask:".Length..].Trim(), 8);

    public static bool UmaskLetsOthersRead() => (Umask() & 0b000_100_100) == 0;

    private static class Private
    {
        public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    }
}
