namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// query_then_fetch on the coordinating node (ELASTICSEARCH.md §5): order the targets by shard number then index
/// name (ES ShardId order; the position is the shard index), refuse up front when a shard has no copy and partial
/// results are not allowed, run the query phase on one copy per shard (chosen by the <see cref="ICopySelector"/>,
/// failing over to the others), then <see cref="SearchMerge"/>.
/// </summary>
public sealed class SearchCoordinator(ICopySelector selector)
{
    /// <summary>A coordinator with the round-robin selector.</summary>
    public SearchCoordinator()
        : this(new RoundRobinCopySelector())
    {
    }

    internal SearchFaults Faults { get; init; }

    /// <summary>Searches <paramref name="shards"/>.</summary>
    public SearchResult Search(SearchRequest request, IReadOnlyList<SearchShard> shards, long tookMillis = 0, int maxResultWindow = ShardSearch.DefaultMaxResultWindow)
    {
        var ordered = shards.OrderBy(s => s.ShardId).ThenBy(s => s.Index, StringComparer.Ordinal).ToList();
        if (!request.AllowPartialSearchResults && ordered.Any(s => s.Copies.Count == 0))
        {
            // ES AbstractSearchAsyncAction / SearchPhase.makeMissingShardsError; ShardId prints as [index][n].
            var missing = string.Join(", ", ordered.Where(s => s.Copies.Count == 0).Select(s => $"[{s.Index}][{s.ShardId}]"));
            return new SearchResult(null, new SearchPhaseError(
                $"Search rejected due to missing shards [{missing}]. Consider using `allow_partial_search_results` setting to bypass this error.", []));
        }

        var outcomes = ordered.Select((shard, shardIndex) => QueryShard(request, shard, shardIndex, maxResultWindow)).ToList();
        return SearchMerge.Merge(request, outcomes, tookMillis, null, Faults);
    }

    private ShardOutcome QueryShard(SearchRequest request, SearchShard shard, int shardIndex, int maxResultWindow)
    {
        if (shard.Copies.Count == 0)
        {
            var reason = new ElasticsearchError("no_shard_available_action_exception", null, 503)
            {
                Metadata = [new("shard", shard.ShardId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("index", shard.Index)],
            };
            return ShardOutcome.Failed(new ShardFailure(shardIndex, shard.ShardId, shard.Index, null, reason));
        }

        var first = selector.Select(shard.ShardId, shard.Copies);
        var order = shard.Copies.Where(c => !ReferenceEquals(c, first)).Prepend(first);
        ShardFailure? last = null;
        foreach (var copy in order)
        {
            if (copy.Store is null || copy.Failure is not null)
            {
                var error = copy.Failure ?? new ElasticsearchError("node_not_connected_exception", $"[{copy.NodeId}] Node not connected", 500);
                last = new ShardFailure(shardIndex, shard.ShardId, shard.Index, copy.NodeId, error);
                continue;
            }

            try
            {
                return ShardOutcome.Success(ShardSearch.Query(copy.Store, request, shardIndex, shard.ShardId, shard.Index, copy.NodeId, maxResultWindow, Faults));
            }
            catch (SearchException e)
            {
                last = new ShardFailure(shardIndex, shard.ShardId, shard.Index, copy.NodeId, e.Error);
            }
        }

        return ShardOutcome.Failed(last!);
    }
}
