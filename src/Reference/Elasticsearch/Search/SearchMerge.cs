namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// The coordinator's side of query_then_fetch (ELASTICSEARCH.md §5.5–§5.8, ES SearchPhaseController,
/// FetchSearchPhase, AbstractSearchAsyncAction): merge the shards' top hits in <see cref="HitOrder"/>, keep
/// [from, from+size), fetch only those, and build the response — or the error when every shard failed, or when a
/// shard failed and partial results are not allowed.
/// </summary>
public static class SearchMerge
{
    /// <summary>Merges <paramref name="outcomes"/> (one per targeted shard) into the result.</summary>
    /// <param name="request">The request.</param>
    /// <param name="outcomes">Every targeted shard's outcome.</param>
    /// <param name="tookMillis">Elapsed time to report as <c>took</c>.</param>
    /// <param name="fetch">The fetch phase: a hit's source, or null when fetching it failed (the hit is dropped). Default: the source the query phase saw.</param>
    public static SearchResult Merge(SearchRequest request, IReadOnlyList<ShardOutcome> outcomes, long tookMillis = 0, Func<ShardHit, string?>? fetch = null) =>
        Merge(request, outcomes, tookMillis, fetch, SearchFaults.None);

    internal static SearchResult Merge(SearchRequest request, IReadOnlyList<ShardOutcome> outcomes, long tookMillis, Func<ShardHit, string?>? fetch, SearchFaults faults)
    {
        var failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).OrderBy(f => f.ShardIndex).ToList();
        var results = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        if (results.Count == 0 && failures.Count > 0)
        {
            return new SearchResult(null, new SearchPhaseError("all shards failed", failures));
        }

        if (failures.Count > 0 && !request.AllowPartialSearchResults)
        {
            return new SearchResult(null, new SearchPhaseError("Partial shards failure", failures));
        }

        var keys = request.EffectiveSort;
        var merged = results.SelectMany(r => r.Hits).ToList();
        merged.Sort(HitOrder.For(keys, faults));
        var page = merged.Skip(request.From).Take(request.Size);

        fetch ??= hit => hit.Document.SourceJson;
        var indexOf = results.ToDictionary(r => r.ShardIndex, r => r.Index);
        List<SearchHit> hits = [];
        foreach (var hit in page)
        {
            if (fetch(hit) is { } source)
            {
                hits.Add(new SearchHit(
                    indexOf[hit.ShardIndex],
                    hit.Document.Id,
                    float.IsNaN(hit.Score) ? null : hit.Score,
                    source,
                    request.SortsByField ? hit.SortValues : null,
                    hit.ShardIndex,
                    hit.DocId));
            }
        }

        var total = results.Sum(r => r.TotalHits);
        long? reported = request.TrackTotalHitsUpTo is { } cap ? Math.Min(total, cap) : null;
        var relation = request.TrackTotalHitsUpTo is { } limit && total > limit ? "gte" : "eq";
        var scored = merged.Where(h => !float.IsNaN(h.Score)).ToList();
        float? maxScore = scored.Count > 0 ? scored.Max(h => h.Score) : null;

        var successful = results.Count;
        var failed = failures.Count;
        if ((faults & SearchFaults.FailedShardsCountedAsSuccessful) != 0)
        {
            successful += failed;
            failed = 0;
        }

        return new SearchResult(
            new SearchResponse(tookMillis, outcomes.Count, successful, 0, failures, reported, relation, maxScore, hits) { FailedShards = failed },
            null);
    }
}
