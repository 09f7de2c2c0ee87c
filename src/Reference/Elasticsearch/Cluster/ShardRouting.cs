namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>One entry of the routing table: a copy of a shard (ES ShardRouting.java).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="AllocationId">Identifies this copy's data; a new one each time the copy is allocated afresh.</param>
/// <param name="Node">The node holding the copy; null while UNASSIGNED.</param>
/// <param name="Primary">Whether this is the primary entry (one per shard).</param>
/// <param name="State">A state of <see cref="ShardCopyState"/>.</param>
public sealed record ShardRouting(ShardId Shard, string AllocationId, string? Node, bool Primary, string State)
{
    /// <summary>STARTED or RELOCATING.</summary>
    public bool Active => ShardCopyState.IsActive(State);

    /// <summary>Held by a node (INITIALIZING, STARTED or RELOCATING).</summary>
    public bool Assigned => Node is not null;
}
