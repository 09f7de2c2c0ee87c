namespace Verified.Reference.Storage;

/// <summary>
/// An object store in memory, with injectable put failures and operation counts for tests. Objects are copied in
/// and out, so no caller can change a stored object. Keys follow <see cref="ObjectKeys"/>, like every store.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly Random? _random;
    private int _failNextPuts;
    private double _putFailureRate;

    /// <summary>A store; <paramref name="random"/> (seeded) is needed only for <see cref="PutFailureRate"/>.</summary>
    public InMemoryObjectStore(Random? random = null) => _random = random;

    /// <summary>Probability that a put fails with <see cref="ObjectStoreException"/>; needs the seeded random.</summary>
    public double PutFailureRate
    {
        get
        {
            lock (_gate)
            {
                return _putFailureRate;
            }
        }

        set
        {
            if (!(value is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "a rate is a probability in [0, 1]");
            }

            if (value > 0 && _random is null)
            {
                throw new InvalidOperationException("a put failure rate needs the seeded Random passed to the constructor");
            }

            lock (_gate)
            {
                _putFailureRate = value;
            }
        }
    }

    /// <summary>
    /// Whether a failed put still stores the object — S3's "the request timed out, but the write happened" —
    /// so callers meet both sides of the contract's "may or may not be there". Off by default.
    /// </summary>
    public bool FailedPutsStore { get; set; }

    /// <summary>Put attempts, failed ones included.</summary>
    public int Puts { get; private set; }

    /// <summary>Puts that failed by injection.</summary>
    public int FailedPuts { get; private set; }

    /// <summary>Gets.</summary>
    public int Gets { get; private set; }

    /// <summary>Existence checks.</summary>
    public int ExistsChecks { get; private set; }

    /// <summary>Listings.</summary>
    public int Lists { get; private set; }

    /// <summary>Deletes.</summary>
    public int Deletes { get; private set; }

    /// <summary>Objects stored now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> puts fail (before any failure rate is drawn).</summary>
    public void FailNextPuts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _failNextPuts += count;
        }
    }

    /// <inheritdoc />
    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Puts++;
            var fail = _failNextPuts > 0 || (_putFailureRate > 0 && _random!.NextDouble() < _putFailureRate);
            _failNextPuts = Math.Max(0, _failNextPuts - 1);
            if (fail)
            {
                FailedPuts++;
                if (FailedPutsStore)
                {
                    _objects[key] = data.ToArray();
                }

                throw new ObjectStoreException($"put {key}: injected failure");
            }

            _objects[key] = data.ToArray();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Gets++;
            return Task.FromResult(_objects.TryGetValue(key, out var data) ? (byte[]?)data.ToArray() : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ExistsChecks++;
            return Task.FromResult(_objects.ContainsKey(key));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Lists++;
            return Task.FromResult<IReadOnlyList<string>>([.. _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))]);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Deletes++;
            _objects.Remove(key);
        }

        return Task.CompletedTask;
    }
}
