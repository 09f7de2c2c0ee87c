namespace Verified.Reference.Simulation;

/// <summary>
/// One node's disk, in memory, with the durability model of <see cref="IDisk"/> made explicit: every file has a
/// durable content (as of its last sync) and a current content, and the set of names has a durable view too.
/// <see cref="Crash"/> throws away everything volatile. Create one per node; all state sits behind one lock that
/// is never held across an await.
/// </summary>
/// <remarks>
/// Names: a file created by a write exists durably only once synced; renames and deletes are durable when they
/// return (the contract's "rename + directory sync"). A renamed file keeps its own durable and unsynced bytes,
/// as an inode does. Capacity counts current bytes of every visible file.
/// </remarks>
public sealed partial class InMemoryDisk : IDisk
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Inode> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Inode> _durable = new(StringComparer.Ordinal);
    private long _used;
    private long _capacity;

    /// <summary>A disk of <paramref name="capacityBytes"/> (unlimited by default) with torn writes on crash.</summary>
    public InMemoryDisk(long capacityBytes = long.MaxValue, DiskCrashMode crashMode = DiskCrashMode.TornWrites)
    {
        Capacity = capacityBytes;
        CrashMode = crashMode;
    }

    /// <summary>Capacity in bytes; lowering it below what is used makes the next growing write fail.</summary>
    public long Capacity
    {
        get
        {
            lock (_gate)
            {
                return _capacity;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_gate)
            {
                _capacity = value;
            }
        }
    }

    /// <summary>What <see cref="Crash"/> does to unsynced bytes.</summary>
    public DiskCrashMode CrashMode { get; set; }

    /// <summary>Bytes in use (current content of every visible file).</summary>
    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <inheritdoc />
    public double UsedFraction
    {
        get
        {
            lock (_gate)
            {
                return (double)_used / _capacity;
            }
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            EnsureSpace(path, data.Length);
            if (!_current.TryGetValue(path, out var inode))
            {
                inode = new Inode();
                _current[path] = inode;
            }

            inode.Append(data.Span);
            _used += data.Length;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var existing = _current.GetValueOrDefault(path);
            EnsureSpace(path, data.Length - (existing?.Length ?? 0));
            var inode = existing ?? new Inode();
            _current[path] = inode;
            _used += data.Length - inode.Length;
            inode.Rewrite(data.Span);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The file does not exist: there is nothing to sync.</exception>
    public Task SyncAsync(string path, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var inode = _current.GetValueOrDefault(path) ?? throw new FileNotFoundException($"sync {path}: no such file or directory", path);
            inode.Sync();
            _durable[path] = inode;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException"><paramref name="from"/> does not exist.</exception>
    public Task RenameAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(from, nameof(from));
        DiskPaths.Validate(to, nameof(to));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var inode = _current.GetValueOrDefault(from) ?? throw new FileNotFoundException($"rename {from} {to}: no such file or directory", from);
            if (from == to)
            {
                // Nothing moves, but the name is durable now, as after rename(2) plus a directory sync.
                _durable[to] = inode;
                return Task.CompletedTask;
            }

            if (_current.Remove(to, out var replaced))
            {
                _used -= replaced.Length;
            }

            _current.Remove(from);
            _current[to] = inode;

            // The rename is durable: the durable name now points at this inode (its unsynced bytes stay unsynced).
            _durable.Remove(from);
            _durable[to] = inode;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_current.Remove(path, out var inode))
            {
                _used -= inode.Length;
            }

            _durable.Remove(path);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        DiskPaths.Validate(path);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_current.TryGetValue(path, out var inode) ? inode.Current.ToArray() : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        DiskPaths.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var paths = _current.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            paths.Sort(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<string>>(paths);
        }
    }

    private void EnsureSpace(string path, long growth)
    {
        if (growth > 0 && _used + growth > _capacity)
        {
            throw new DiskFullException(path);
        }
    }
}
