using System.Globalization;
using Verified.Reference.Elasticsearch.Replication;
using Verified.Reference.Elasticsearch.Search;
using Verified.Reference.Simulation;

namespace Verified.Reference.Elasticsearch.Cluster;

public sealed partial class EsCluster
{
    /// <summary>Picks which active copy of each shard answers a search; round-robin by default.</summary>
    public ICopySelector CopySelector { get; set; } = new RoundRobinCopySelector();

    /// <summary>Seeded search bugs (tests only).</summary>
    internal SearchFaults SearchFaults { get; }

    /// <summary>
    /// <c>POST /<paramref name="index"/>/_search</c> through the coordinating node, query_then_fetch
    /// (ELASTICSEARCH.md §5; ES TransportSearchAction, AbstractSearchAsyncAction): parse the body, take the shards
    /// and their active copies from the coordinating node's own cluster state, run the query phase on one copy per
    /// shard chosen by <see cref="CopySelector"/> over the network — a copy that fails (node crashed or cut off,
    /// copy gone, shard-level error) passes the shard to the next copy — then merge. A shard with no copy left is a
    /// failure in <c>_shards</c> (its documents are absent); when every shard fails, or one fails and
    /// <paramref name="allowPartialSearchResults"/> is false, the answer is ES's search_phase_execution_exception.
    /// The fetch phase reads the sources the query phase returned (one round trip per shard).
    /// </summary>
    public async Task<SearchOutcome> SearchAsync(string index, string requestJson, bool allowPartialSearchResults = true)
    {
        var started = Time.GetUtcNow();
        SearchRequest request;
        try
        {
            request = SearchRequest.Parse(requestJson) with { AllowPartialSearchResults = allowPartialSearchResults };
        }
        catch (SearchException e)
        {
            return new SearchOutcome(null, e.Error);
        }

        if (Coordinator.State is not { } state || !state.Indices.TryGetValue(index, out var meta))
        {
            return new SearchOutcome(null, IndexNotFound(index));
        }

        var shards = Enumerable.Range(0, meta.Shards)
            .Select(s => new ShardId(index, s))
            .Select(shard => (Shard: shard, Copies: (IReadOnlyList<ShardRouting>)[.. state.Copies(shard).Where(c => c.Active && c.Node is not null)]))
            .ToList();
        if (!allowPartialSearchResults && shards.Any(s => s.Copies.Count == 0))
        {
            var missing = string.Join(", ", shards.Where(s => s.Copies.Count == 0).Select(s => s.Shard.ToString()));
            return new SearchOutcome(new SearchResult(null, new SearchPhaseError(
                $"Search rejected due to missing shards [{missing}]. Consider using `allow_partial_search_results` setting to bypass this error.", [])), null);
        }

        var outcomes = await Task.WhenAll(shards.Select((s, shardIndex) => QueryShardAsync(request, s.Shard, s.Copies, shardIndex))).ConfigureAwait(false);
        var took = (long)(Time.GetUtcNow() - started).TotalMilliseconds;
        return new SearchOutcome(SearchMerge.Merge(request, outcomes, took, null, SearchFaults), null);
    }

    /// <summary>ES IndexNotFoundException as the REST layer writes it (ELASTICSEARCH.md §6).</summary>
    private static ElasticsearchError IndexNotFound(string index) =>
        new("index_not_found_exception", $"no such index [{index}]", 404)
        {
            Metadata = [new("resource.type", "index_or_alias"), new("resource.id", index), new("index_uuid", "_na_"), new("index", index)],
        };

    private async Task<ShardOutcome> QueryShardAsync(SearchRequest request, ShardId shard, IReadOnlyList<ShardRouting> copies, int shardIndex)
    {
        if (copies.Count == 0)
        {
            var reason = new ElasticsearchError("no_shard_available_action_exception", null, 503)
            {
                Metadata = [new("shard", shard.Shard.ToString(CultureInfo.InvariantCulture)), new("index", shard.Index)],
            };
            return ShardOutcome.Failed(new ShardFailure(shardIndex, shard.Shard, shard.Index, null, reason));
        }

        var first = CopySelector.Select(shard.Shard, copies);
        ShardFailure? last = null;
        foreach (var copy in copies.Where(c => !ReferenceEquals(c, first)).Prepend(first))
        {
            try
            {
                var result = await Network.CallAsync<ShardSearchRequest, ShardQueryResult>(
                    CoordinatorNode, copy.Node!, new ShardSearchRequest(shard, copy.AllocationId, request, shardIndex)).ConfigureAwait(false);
                return ShardOutcome.Success(result);
            }
            catch (RemoteCallException)
            {
                last = new ShardFailure(shardIndex, shard.Shard, shard.Index, copy.Node, new ElasticsearchError("node_not_connected_exception", $"[{copy.Node}] Node not connected", 500));
            }
            catch (SearchException e)
            {
                last = new ShardFailure(shardIndex, shard.Shard, shard.Index, copy.Node, e.Error);
            }
        }

        return ShardOutcome.Failed(last!);
    }

    /// <summary>The query phase on <paramref name="node"/>: the copy's search index, or shard_not_found when the copy is gone.</summary>
    private void RegisterSearch(DataNode node) =>
        Network.Register<ShardSearchRequest, ShardQueryResult>(node.Name, (r, _) =>
        {
            try
            {
                if (!node.Copies.TryGetValue(r.AllocationId, out var copy))
                {
                    throw new SearchException(new ElasticsearchError("shard_not_found_exception", $"no such shard", 404)
                    {
                        Metadata = [new("index_uuid", "_na_"), new("shard", r.Shard.Shard.ToString(CultureInfo.InvariantCulture)), new("index", r.Shard.Index)],
                    });
                }

                return Task.FromResult(ShardSearch.Query(copy.Search, r.Request, r.ShardIndex, r.Shard.Shard, r.Shard.Index, node.Name, ShardSearch.DefaultMaxResultWindow, SearchFaults));
            }
            catch (SearchException e)
            {
                return Task.FromException<ShardQueryResult>(e);
            }
        });
}
