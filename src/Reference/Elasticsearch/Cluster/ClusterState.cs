using System.Collections.Immutable;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// An immutable, versioned cluster state: index metadata and the routing table. The master makes each new version
/// from the last; nodes apply them in version order and ignore older ones (ES ClusterState.java).
/// </summary>
/// <param name="Version">Strictly increasing with each published change.</param>
/// <param name="Indices">Index metadata by name.</param>
/// <param name="Routing">The copies of each shard (replicas + 1 entries; unassigned ones have no node).</param>
/// <param name="Nodes">Data nodes the master believes are in the cluster.</param>
public sealed record ClusterState(
    long Version,
    ImmutableSortedDictionary<string, IndexMetadata> Indices,
    ImmutableDictionary<ShardId, ImmutableArray<ShardRouting>> Routing,
    ImmutableSortedSet<string> Nodes)
{
    /// <summary>The state before any index exists.</summary>
    public static ClusterState Empty(IEnumerable<string> nodes) =>
        new(0, ImmutableSortedDictionary<string, IndexMetadata>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableDictionary<ShardId, ImmutableArray<ShardRouting>>.Empty, [.. nodes]);

    /// <summary>The copies of <paramref name="shard"/> (empty when the index does not exist).</summary>
    public ImmutableArray<ShardRouting> Copies(ShardId shard) => Routing.GetValueOrDefault(shard, []);

    /// <summary>The primary entry of <paramref name="shard"/>, or null.</summary>
    public ShardRouting? Primary(ShardId shard) => Copies(shard).FirstOrDefault(c => c.Primary);

    /// <summary>The primary term of <paramref name="shard"/>.</summary>
    public long Term(ShardId shard) => Indices[shard.Index].PrimaryTerms[shard.Shard];

    /// <summary>The in-sync allocation ids of <paramref name="shard"/>.</summary>
    public ImmutableSortedSet<string> InSync(ShardId shard) => Indices[shard.Index].InSync[shard.Shard];

    /// <summary>The copy of <paramref name="shard"/> on <paramref name="node"/>, or null.</summary>
    public ShardRouting? CopyOn(ShardId shard, string node) => Copies(shard).FirstOrDefault(c => c.Node == node);

    /// <summary>Every shard of every index, in index then shard order.</summary>
    public IEnumerable<ShardId> AllShards() =>
        Indices.Values.SelectMany(i => Enumerable.Range(0, i.Shards).Select(s => new ShardId(i.Name, s)));

    /// <summary>The copy with <paramref name="allocationId"/>, or null.</summary>
    public ShardRouting? Copy(ShardId shard, string allocationId) => Copies(shard).FirstOrDefault(c => c.AllocationId == allocationId);
}
