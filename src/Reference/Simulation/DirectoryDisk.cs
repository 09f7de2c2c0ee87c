namespace Verified.Reference.Simulation;

/// <summary>
/// A real directory as a node's disk. Sync is <c>fsync</c> (<see cref="RandomAccess.FlushToDisk"/>), plus a
/// best-effort sync of the parent directory when the file was created since; rename is <see cref="File.Move(string, string, bool)"/>
/// with overwrite (atomic on POSIX) followed by directory syncs. Every path goes through
/// <see cref="DiskPaths.Resolve"/>, so nothing is read or written outside the root.
/// </summary>
/// <remarks>
/// I/O is synchronous inside Task-returning methods: the files are small, and a hidden thread-pool hop would be an
/// uncontrolled task under Coyote. One lock serializes the operations (never held across an await) so the byte
/// count behind the optional capacity stays exact. Without a capacity, <see cref="UsedFraction"/> is the real
/// volume's, and a real ENOSPC becomes <see cref="DiskFullException"/>; an append is then cut back to its old
/// length, but a rewrite interrupted by a real ENOSPC may leave the file truncated.
/// </remarks>
public sealed class DirectoryDisk : IDisk, IDisposable
{
    private readonly Lock _gate = new();
    private readonly long? _capacity;
    private readonly HashSet<string> _newEntries = new(StringComparer.Ordinal);
    private long _used;
    private AppendFile? _append;

    /// <summary>Uses <paramref name="root"/> (created if missing); an optional capacity makes writes past it fail.</summary>
    public DirectoryDisk(string root, long? capacityBytes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (capacityBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, "must be positive");
        }

        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        _capacity = capacityBytes;
        _used = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    }

    /// <summary>The root directory (full path).</summary>
    public string Root { get; }

    /// <inheritdoc />
    public double UsedFraction
    {
        get
        {
            if (_capacity is { } capacity)
            {
                lock (_gate)
                {
                    return (double)_used / capacity;
                }
            }

            var drive = new DriveInfo(Root);
            return drive.TotalSize == 0 ? 0 : 1 - ((double)drive.AvailableFreeSpace / drive.TotalSize);
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var full = DiskPaths.Resolve(Root, path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            EnsureSpace(path, data.Length);
            var file = AppendHandle(full);
            var before = file.Length;
            try
            {
                RandomAccess.Write(file.Handle, data.Span, before);
            }
            catch (IOException e) when (IoErrors.IsDiskFull(e))
            {
                // The contract says nothing was appended: cut the partial write back off.
                RandomAccess.SetLength(file.Handle, before);
                throw new DiskFullException(path);
            }

            file.Length = before + data.Length;
            _used += data.Length;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var full = DiskPaths.Resolve(Root, path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            CloseAppendHandle(full);
            var exists = File.Exists(full);
            var old = exists ? new FileInfo(full).Length : 0;
            EnsureSpace(path, data.Length - old);
            if (!exists)
            {
                _newEntries.Add(full);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            try
            {
                using var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                stream.Write(data.Span);
                stream.Flush();
            }
            catch (IOException e) when (IoErrors.IsDiskFull(e))
            {
                _used += (File.Exists(full) ? new FileInfo(full).Length : 0) - old;
                throw new DiskFullException(path);
            }

            _used += data.Length - old;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public Task SyncAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = DiskPaths.Resolve(Root, path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_append is { } file && file.Path == full)
            {
                RandomAccess.FlushToDisk(file.Handle);
            }
            else
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                stream.Flush(flushToDisk: true);
            }

            // A new file's directory entry is durable only once its directory is synced too; an old one's already is.
            if (_newEntries.Remove(full))
            {
                DirectorySync.TrySync(Path.GetDirectoryName(full)!);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException"><paramref name="from"/> does not exist.</exception>
    public Task RenameAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var source = DiskPaths.Resolve(Root, from, nameof(from));
        var target = DiskPaths.Resolve(Root, to, nameof(to));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            CloseAppendHandle(source);
            CloseAppendHandle(target);
            if (!File.Exists(source))
            {
                throw new FileNotFoundException($"rename {from} {to}: no such file or directory", from);
            }

            var replaced = source != target && File.Exists(target) ? new FileInfo(target).Length : 0;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(source, target, overwrite: true);
            _newEntries.Remove(source);
            _newEntries.Remove(target);
            _used -= replaced;
            DirectorySync.TrySync(Path.GetDirectoryName(target)!);
            if (Path.GetDirectoryName(source) != Path.GetDirectoryName(target))
            {
                DirectorySync.TrySync(Path.GetDirectoryName(source)!);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = DiskPaths.Resolve(Root, path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            CloseAppendHandle(full);
            _newEntries.Remove(full);
            if (File.Exists(full))
            {
                var length = new FileInfo(full).Length;
                File.Delete(full);
                _used -= length;
                DirectorySync.TrySync(Path.GetDirectoryName(full)!);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = DiskPaths.Resolve(Root, path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(File.Exists(full) ? File.ReadAllBytes(full) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        DiskPaths.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(FileTree.List(Root, prefix));
        }
    }

    /// <summary>Closes the file kept open for appends.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _append?.Handle.Dispose();
            _append = null;
        }
    }

    /// <summary>
    /// The open handle of the file appended to last (a WAL appends to one segment at a time, so opening the file
    /// for every record would cost more than writing it); another path closes it first.
    /// </summary>
    private AppendFile AppendHandle(string full)
    {
        if (_append is { } open && open.Path == full)
        {
            return open;
        }

        CloseAppendHandle(_append?.Path);
        var exists = File.Exists(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var handle = File.OpenHandle(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        if (!exists)
        {
            _newEntries.Add(full);
        }

        return _append = new AppendFile(full, handle) { Length = RandomAccess.GetLength(handle) };
    }

    private void CloseAppendHandle(string? full)
    {
        if (_append is { } open && open.Path == full)
        {
            open.Handle.Dispose();
            _append = null;
        }
    }

    private void EnsureSpace(string path, long growth)
    {
        if (_capacity is { } capacity && growth > 0 && _used + growth > capacity)
        {
            throw new DiskFullException(path);
        }
    }

    private sealed class AppendFile(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        public string Path { get; } = path;

        public Microsoft.Win32.SafeHandles.SafeFileHandle Handle { get; } = handle;

        public long Length { get; set; }
    }
}
