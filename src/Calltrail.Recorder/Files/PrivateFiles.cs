namespace Calltrail.Recorder.Files;

/// <summary>
/// Files and directories only Calltrail's own user may read: files 0600, directories 0700, set as they
/// are created (never chmod-ed afterwards, which would leave a moment when another user could open
/// one). Recordings, their journals and keys are made this way whatever the process's umask.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents 0700; existing ones are left as they are.</summary>
    public static DirectoryInfo CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last directory only; parents it
        // makes on the way get the umask's. So each missing one is made here, outermost first.
        var missing = new Stack<string>();
        for (var dir = Path.GetFullPath(path); !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
        {
            missing.Push(dir);
        }

        foreach (var dir in missing)
        {
            Directory.CreateDirectory(dir, DirectoryMode);
        }

        return new DirectoryInfo(path);
    }

    /// <summary>Options for a <see cref="FileStream"/> whose file, if this creates it, is 0600.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share, int bufferSize)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
