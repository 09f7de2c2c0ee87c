namespace Verified.Reference.Elasticsearch.Search;

/// <summary>One targeted shard: index, shard number and its searchable copies (empty when none is active).</summary>
/// <param name="Index">The index name.</param>
/// <param name="ShardId">The shard number.</param>
/// <param name="Copies">Active copies, in the cluster's order.</param>
public sealed record SearchShard(string Index, int ShardId, IReadOnlyList<SearchCopy> Copies);
