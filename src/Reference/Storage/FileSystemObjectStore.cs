using Verified.Reference.Simulation;

namespace Verified.Reference.Storage;

/// <summary>
/// The embedded default object store: each object is a file, <c>&lt;root&gt;/objects/&lt;key&gt;</c>. A put writes
/// <c>&lt;root&gt;/staging/&lt;n&gt;.tmp</c>, fsyncs it, renames it over the target (atomic on POSIX) and syncs the
/// directory, so a crash leaves the old object or the new one, never half of one. Staging files left by a crash
/// are removed when a store is opened (open one store per root at a time).
/// </summary>
/// <remarks>
/// Keys pass <see cref="ObjectKeys"/> and then <see cref="DiskPaths.Resolve"/>, which checks the full path is under
/// the objects directory after <see cref="Path.GetFullPath(string)"/>: no key reads or writes outside the root.
/// Staging lives beside the objects, not among them, so no key can name a staging file. As on a filesystem, "a" and
/// "a/b" cannot both be objects; the second put fails with <see cref="ObjectStoreException"/>. I/O is synchronous
/// inside the Task-returning methods for the same reason as <see cref="DirectoryDisk"/>.
/// </remarks>
public sealed class FileSystemObjectStore : IObjectStore
{
    private readonly Lock _gate = new();
    private readonly string _objects;
    private readonly string _staging;
    private long _nextStaging;

    /// <summary>Opens (creating if needed) the store at <paramref name="root"/>.</summary>
    public FileSystemObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        _objects = Path.Join(Root, "objects");
        _staging = Path.Join(Root, "staging");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_staging);
        foreach (var leftover in Directory.EnumerateFiles(_staging))
        {
            File.Delete(leftover);
        }
    }

    /// <summary>The root directory (full path).</summary>
    public string Root { get; }

    /// <inheritdoc />
    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        cancellationToken.ThrowIfCancellationRequested();
        string? staged = null;
        try
        {
            staged = Stage(data.Span);
            lock (_gate)
            {
                CreateDirectories(Path.GetDirectoryName(target)!);
                File.Move(staged, target, overwrite: true);
                staged = null;
                DirectorySync.TrySync(Path.GetDirectoryName(target)!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"put {key}: {e.Message}", e);
        }
        finally
        {
            if (staged is not null)
            {
                File.Delete(staged);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(File.Exists(target) ? File.ReadAllBytes(target) : null);
        }
        catch (FileNotFoundException)
        {
            // Deleted between the check and the read.
            return Task.FromResult<byte[]?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"get {key}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(target));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(FileTree.List(_objects, prefix));
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            lock (_gate)
            {
                if (!File.Exists(target))
                {
                    return Task.CompletedTask;
                }

                File.Delete(target);
                DirectorySync.TrySync(Path.GetDirectoryName(target)!);
                RemoveEmptyParents(Path.GetDirectoryName(target)!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"delete {key}: {e.Message}", e);
        }

        return Task.CompletedTask;
    }

    private string Resolve(string key) => DiskPaths.Resolve(_objects, key, nameof(key), "object key");

    /// <summary>Writes a new staging file and fsyncs it; returns its path.</summary>
    private string Stage(ReadOnlySpan<byte> data)
    {
        while (true)
        {
            var path = Path.Join(_staging, $"{Interlocked.Increment(ref _nextStaging)}.tmp");
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                continue; // another store instance over the same root took this name
            }

            using (stream)
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }

            return path;
        }
    }

    /// <summary>Creates missing directories down to <paramref name="directory"/>, syncing each new one's parent.</summary>
    private void CreateDirectories(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var parent = Path.GetDirectoryName(directory)!;
        CreateDirectories(parent);
        Directory.CreateDirectory(directory);
        DirectorySync.TrySync(parent);
    }

    /// <summary>Removes directories left empty, so that a deleted "a/b" does not block a later object "a".</summary>
    private void RemoveEmptyParents(string directory)
    {
        while (DiskPaths.IsUnder(_objects, directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
