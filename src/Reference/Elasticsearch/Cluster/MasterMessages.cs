namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>Master → node: a new cluster state to apply.</summary>
/// <param name="State">The state.</param>
public sealed record PublishRequest(ClusterState State);

/// <summary>A node's acknowledgement of a publication.</summary>
/// <param name="Version">The version the node has applied.</param>
public sealed record PublishResponse(long Version);

/// <summary>Node → master: the copy finished recovering (ES ShardStateAction.shardStarted).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="AllocationId">The started copy.</param>
/// <param name="PrimaryTerm">The term the copy recovered under.</param>
public sealed record ShardStartedRequest(ShardId Shard, string AllocationId, long PrimaryTerm);

/// <summary>Node → master: a copy failed (ES ShardStateAction.localShardFailed / remoteShardFailed).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="AllocationId">The failed copy.</param>
/// <param name="PrimaryTerm">The reporting primary's term; 0 when a copy fails itself (no term check).</param>
/// <param name="Reason">Why.</param>
public sealed record ShardFailedRequest(ShardId Shard, string AllocationId, long PrimaryTerm, string Reason);

/// <summary>The master's answer once the copy is out of the routing table and the in-sync set.</summary>
/// <param name="Version">The cluster state version that holds the change.</param>
public sealed record ShardStateResponse(long Version);
