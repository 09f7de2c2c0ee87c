namespace Verified.Reference.Simulation;

/// <summary>
/// A node's local disk with explicit durability. Writes land in a volatile buffer; <see cref="SyncAsync"/> makes
/// a file's current content durable. After a crash a file holds its last synced content, possibly followed by a
/// prefix of what was written after (a torn write); nothing unsynced is promised. Paths are relative, '/'-separated,
/// and can never leave the disk's root.
/// </summary>
public interface IDisk
{
    /// <summary>Appends to a file (created if missing). Not durable until synced.</summary>
    /// <exception cref="DiskFullException">The disk is full; nothing was appended.</exception>
    Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Replaces a file's content. Not durable until synced.</summary>
    /// <exception cref="DiskFullException">The disk is full; the file is unchanged.</exception>
    Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Makes the file's current content (and its existence) durable.</summary>
    Task SyncAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Atomically renames a file, replacing the target; durable once it returns (rename + directory sync).</summary>
    Task RenameAsync(string from, string to, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file if it exists; durable once it returns.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when it does not exist.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Paths of the files under <paramref name="prefix"/>, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Fraction of capacity in use, 0–1 (Loki refuses pushes above 90%).</summary>
    double UsedFraction { get; }
}

/// <summary>ENOSPC: the write did not happen.</summary>
public sealed class DiskFullException : IOException
{
    /// <summary>Creates the error with the operating system's words.</summary>
    public DiskFullException(string path)
        : base($"write {path}: no space left on device")
    {
    }
}
