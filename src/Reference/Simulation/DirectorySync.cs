using System.Runtime.InteropServices;

namespace Verified.Reference.Simulation;

/// <summary>
/// Best-effort fsync of a directory, so that a file's creation, rename or removal survives a power loss
/// (POSIX: fsync on the file does not persist its directory entry). .NET cannot open a directory as a stream,
/// hence libc. On Windows, or where libc is missing, this is a no-op: NTFS journals metadata itself.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Syncs <paramref name="directory"/>; failures are ignored (best effort, by design).</summary>
    public static void TrySync(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var fd = Open(directory, ReadOnly);
            if (fd < 0)
            {
                return;
            }

            _ = Fsync(fd);
            _ = Close(fd);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    // DllImport, not LibraryImport: the generated marshalling needs AllowUnsafeBlocks, which this project does not
    // set. On Unix an Ansi string is marshalled as UTF-8, which is what open(2) expects.
    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
