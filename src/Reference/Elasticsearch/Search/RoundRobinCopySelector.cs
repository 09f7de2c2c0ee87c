namespace Verified.Reference.Elasticsearch.Search;

/// <summary>The default selector: each shard's copies in turn, one counter per shard number. Deterministic.</summary>
public sealed class RoundRobinCopySelector : ICopySelector
{
    private readonly Dictionary<int, int> _next = [];

    /// <inheritdoc />
    public T Select<T>(int shardId, IReadOnlyList<T> copies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(copies.Count);
        var turn = _next.GetValueOrDefault(shardId);
        _next[shardId] = turn + 1;
        return copies[turn % copies.Count];
    }
}
