using System.Collections.Immutable;
using Verified.Reference.Elasticsearch.Search;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// An index's metadata in the cluster state (ES IndexMetadata.java): shape, per-shard primary term and per-shard
/// in-sync allocation ids. Only the master changes it.
/// </summary>
/// <param name="Routing">The index's document routing (shards, routing shards, partition size, formula).</param>
/// <param name="Replicas">number_of_replicas.</param>
/// <param name="PrimaryTerms">Per shard: incremented each time a primary is allocated or promoted; starts at 1.</param>
/// <param name="InSync">Per shard: allocation ids of the copies that hold every acknowledged write.</param>
/// <param name="WaitForActiveShards">index.write.wait_for_active_shards: 1 (the primary) by default, -1 for "all".</param>
public sealed record IndexMetadata(
    IndexRouting Routing,
    int Replicas,
    ImmutableArray<long> PrimaryTerms,
    ImmutableArray<ImmutableSortedSet<string>> InSync,
    int WaitForActiveShards = 1)
{
    /// <summary>The index name.</summary>
    public string Name => Routing.Index;

    /// <summary>number_of_shards.</summary>
    public int Shards => Routing.Shards;

    /// <summary>Copies per shard: replicas + 1 (the write response's <c>_shards.total</c>).</summary>
    public int Copies => Replicas + 1;

    /// <summary>
    /// The index's dynamic mapping, one instance for every copy of every shard (ES keeps the mapping in
    /// IndexMetadata; here updates are shared at once instead of published by the master). Kept by <c>with</c>.
    /// </summary>
    public DynamicMapping Mapping { get; init; } = new();

    /// <summary>Seeded search bugs the copies of this index run with (tests only).</summary>
    internal SearchFaults SearchFaults { get; init; }
}
