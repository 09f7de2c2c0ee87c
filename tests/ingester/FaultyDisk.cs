using Verified.Reference.Simulation;

namespace Verified.Ingester.Tests;

/// <summary>An <see cref="InMemoryDisk"/> whose renames can be made to fail (to interrupt a checkpoint before it is durable).</summary>
internal sealed class FaultyDisk(InMemoryDisk inner) : IDisk
{
    public bool FailRenames { get; set; }

    public double UsedFraction => inner.UsedFraction;

    public Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.AppendAsync(path, data, cancellationToken);

    public Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.WriteAsync(path, data, cancellationToken);

    public Task SyncAsync(string path, CancellationToken cancellationToken = default) => inner.SyncAsync(path, cancellationToken);

    public Task RenameAsync(string from, string to, CancellationToken cancellationToken = default) =>
        FailRenames ? throw new IOException($"rename {from} {to}: input/output error (injected)") : inner.RenameAsync(from, to, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
