using Verified.Reference.Storage;

namespace Verified.Simulation.Tests.SeededBugs;

/// <summary>
/// Seeded bug: maps a key to <c>Path.Combine(root, key)</c> with no validation — the classic path traversal, where
/// "../x" climbs out and "/etc/passwd" replaces the root outright. The escape property must catch it.
/// </summary>
/// <remarks>
/// Being a test, it must not actually write anywhere on the machine: a path outside <paramref name="sandbox"/> is
/// redirected to a marker file in the sandbox, which is just as visible to the property and harms nothing.
/// </remarks>
public sealed class NaiveKeyMappingStore(string root, string sandbox) : IObjectStore
{
    /// <inheritdoc />
    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var path = Map(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data.ToArray());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = Map(key);
        return Task.FromResult(File.Exists(path) ? File.ReadAllBytes(path) : null);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(Map(key)));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(Map(key));
        return Task.CompletedTask;
    }

    private string Map(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        return path.StartsWith(sandbox + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : Path.Join(sandbox, "escaped-outside-the-sandbox");
    }
}
