using Verified.Reference.Simulation;

namespace Verified.Simulation.Tests.SeededBugs;

/// <summary>
/// Seeded bug: a disk whose sync does nothing — the forgotten fsync. Everything "synced" is lost by a crash, so the
/// crash property must catch it.
/// </summary>
public sealed class SkippingSyncDisk(InMemoryDisk inner) : IDisk
{
    /// <inheritdoc />
    public double UsedFraction => inner.UsedFraction;

    /// <inheritdoc />
    public Task SyncAsync(string path, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.AppendAsync(path, data, cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.WriteAsync(path, data, cancellationToken);

    /// <inheritdoc />
    public Task RenameAsync(string from, string to, CancellationToken cancellationToken = default) => inner.RenameAsync(from, to, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
