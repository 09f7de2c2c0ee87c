namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// One hit of a shard's query phase: what the coordinator merges on (sort values, score, shard index, doc id) and
/// the document as the shard saw it when it ran the query (the reader the fetch phase reads, as a search context
/// keeps its Lucene reader open between phases).
/// </summary>
/// <param name="ShardIndex">The shard's position in the request's sorted shard list (ELASTICSEARCH.md §5.1).</param>
/// <param name="DocId">The shard-local doc id (Lucene doc substitute).</param>
/// <param name="Score">The score, or NaN when not tracked (field sort).</param>
/// <param name="SortValues">One value per effective sort key.</param>
/// <param name="Document">The document.</param>
public sealed record ShardHit(int ShardIndex, int DocId, float Score, IReadOnlyList<SortValue> SortValues, StoredDocument Document);
