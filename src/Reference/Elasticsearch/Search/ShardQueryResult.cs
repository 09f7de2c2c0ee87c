namespace Verified.Reference.Elasticsearch.Search;

/// <summary>A shard's query-phase answer: its top from+size hits in merge order and its exact hit count.</summary>
/// <param name="ShardIndex">The shard's position in the request.</param>
/// <param name="ShardId">The shard number.</param>
/// <param name="Index">The index name.</param>
/// <param name="NodeId">The node of the copy that answered.</param>
/// <param name="TotalHits">Matching documents on the shard.</param>
/// <param name="Hits">The shard's best from+size hits, best first.</param>
public sealed record ShardQueryResult(int ShardIndex, int ShardId, string Index, string NodeId, long TotalHits, IReadOnlyList<ShardHit> Hits);
