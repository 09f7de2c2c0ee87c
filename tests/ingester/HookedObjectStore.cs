using Verified.Reference.Storage;

namespace Verified.Ingester.Tests;

/// <summary>
/// An <see cref="InMemoryObjectStore"/> with two test hooks: puts under a key prefix can be made to fail, and a
/// callback sees every put before it lands (to look at the ingester while the store has not confirmed yet).
/// </summary>
internal sealed class HookedObjectStore : IObjectStore
{
    private readonly InMemoryObjectStore _inner = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>Called with each key before the put is attempted.</summary>
    public Func<string, Task>? BeforePut { get; set; }

    public int Count => _inner.Count;

    public int Puts { get; private set; }

    /// <summary>The next <paramref name="count"/> puts of keys starting with <paramref name="prefix"/> fail.</summary>
    public void FailNextPuts(string prefix, int count) => _failures[prefix] = count;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Puts++;
        if (BeforePut is { } hook)
        {
            await hook(key);
        }

        foreach (var (prefix, left) in _failures)
        {
            if (left > 0 && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                _failures[prefix] = left - 1;
                throw new ObjectStoreException($"put {key}: injected failure");
            }
        }

        await _inner.PutAsync(key, data, cancellationToken);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => _inner.GetAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => _inner.ExistsAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => _inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);
}
