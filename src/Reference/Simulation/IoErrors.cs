namespace Verified.Reference.Simulation;

/// <summary>Recognizes the operating system's "disk full" among I/O errors.</summary>
internal static class IoErrors
{
    private const int Enospc = 28;
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);

    /// <summary>ENOSPC on Unix (.NET puts the errno in HResult), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException exception) =>
        exception is DiskFullException || exception.HResult is Enospc or WindowsHandleDiskFull or WindowsDiskFull;
}
