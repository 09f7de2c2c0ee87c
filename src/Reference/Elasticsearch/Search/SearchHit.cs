namespace Verified.Reference.Elasticsearch.Search;

/// <summary>One hit of the response: <c>{"_index","_id","_score","_source"[,"sort"]}</c>.</summary>
/// <param name="Index">The index.</param>
/// <param name="Id">The document id.</param>
/// <param name="Score">The score; null when sorting by field without <c>_score</c>.</param>
/// <param name="SourceJson">The fetched <c>_source</c>.</param>
/// <param name="Sort">Sort values, present when the request has a <c>sort</c>.</param>
/// <param name="ShardIndex">The shard it came from (not written; for tests and tie analysis).</param>
/// <param name="DocId">Its shard doc id (not written).</param>
public sealed record SearchHit(string Index, string Id, float? Score, string SourceJson, IReadOnlyList<SortValue>? Sort, int ShardIndex, int DocId);
