using Verified.Reference.Elasticsearch.Search;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// What <see cref="EsCluster.SearchAsync"/> answers: the search's result (a response, possibly partial, or a
/// search-phase error) or a request-level error raised before any shard was asked (bad body, missing index).
/// </summary>
/// <param name="Result">The query_then_fetch result, or null.</param>
/// <param name="Error">The request error, or null.</param>
public sealed record SearchOutcome(SearchResult? Result, ElasticsearchError? Error)
{
    /// <summary>The response when the search ran and at least one shard answered.</summary>
    public SearchResponse? Response => Result?.Response;

    /// <summary>The HTTP status.</summary>
    public int Status => Result?.Status ?? Error!.Status;

    /// <summary>The JSON body.</summary>
    public string ToJson() => Result?.ToJson() ?? Error!.ToResponseJson();
}

/// <summary>Coordinating node → data node: the query phase of <paramref name="Request"/> on one copy.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="AllocationId">The copy chosen.</param>
/// <param name="Request">The parsed request.</param>
/// <param name="ShardIndex">The shard's position in the request (its merge tie-breaker).</param>
public sealed record ShardSearchRequest(ShardId Shard, string AllocationId, SearchRequest Request, int ShardIndex);
