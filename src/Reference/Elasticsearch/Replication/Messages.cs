using System.Collections.Immutable;
using Verified.Reference.Elasticsearch.Cluster;

namespace Verified.Reference.Elasticsearch.Replication;

/// <summary>Coordinating node → primary: one index or delete on <paramref name="Shard"/>.</summary>
/// <param name="Shard">The target shard.</param>
/// <param name="Kind">Index or delete.</param>
/// <param name="Id">The document id.</param>
/// <param name="Source">The source of an index operation.</param>
/// <param name="Describe">The request as ES prints it in errors, e.g. <c>index {[i][1], source[...]}</c>.</param>
/// <param name="CreateOnly">op_type=create: fail with a version conflict when the document exists.</param>
public sealed record PrimaryRequest(ShardId Shard, OperationKind Kind, string Id, string? Source, string Describe, bool CreateOnly = false);

/// <summary>A failed copy in a write response's <c>_shards.failures</c> (ES ReplicationResponse.ShardInfo.Failure).</summary>
/// <param name="Node">The node of the copy.</param>
/// <param name="Reason">Why it failed.</param>
public sealed record CopyFailure(string Node, string Reason);

/// <summary>Primary → coordinating node: the applied operation and the copies that took it.</summary>
/// <param name="Op">The operation with its seq_no and primary term.</param>
/// <param name="Result">created, updated, deleted or not_found.</param>
/// <param name="Version">The document's <c>_version</c> after the operation.</param>
/// <param name="Total">Copies of the shard (replicas + 1).</param>
/// <param name="Successful">Copies that applied the operation.</param>
/// <param name="Failures">Copies that failed (each removed from the in-sync set by the master before this answer).</param>
public sealed record PrimaryResponse(Operation Op, string Result, long Version, int Total, int Successful, ImmutableArray<CopyFailure> Failures);

/// <summary>Primary → replica: one operation, the primary's term and the global checkpoint it sampled.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Target">The replica's allocation id.</param>
/// <param name="Op">The operation.</param>
/// <param name="PrimaryTerm">The sending primary's term.</param>
/// <param name="GlobalCheckpoint">The primary's global checkpoint, sampled after it applied the operation.</param>
public sealed record ReplicaRequest(ShardId Shard, string Target, Operation Op, long PrimaryTerm, long GlobalCheckpoint);

/// <summary>Replica → primary: its local checkpoint after applying.</summary>
/// <param name="LocalCheckpoint">The replica's local checkpoint.</param>
public sealed record ReplicaResponse(long LocalCheckpoint);

/// <summary>New primary → replica: the operations above its global checkpoint, then trim above <paramref name="MaxSeqNo"/> (ES ResyncReplicationRequest).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Target">The replica's allocation id.</param>
/// <param name="PrimaryTerm">The new primary term.</param>
/// <param name="Ops">Operations above the new primary's global checkpoint.</param>
/// <param name="MaxSeqNo">The new primary's max seq_no: older-term entries above it are trimmed.</param>
/// <param name="GlobalCheckpoint">The new primary's global checkpoint.</param>
public sealed record ResyncRequest(ShardId Shard, string Target, long PrimaryTerm, ImmutableArray<Operation> Ops, long MaxSeqNo, long GlobalCheckpoint);

/// <summary>Recovering replica → primary: start tracking me and send your operations (peer recovery, simplified).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Target">The recovering copy's allocation id.</param>
public sealed record RecoveryRequest(ShardId Shard, string Target);

/// <summary>Primary → recovering replica: a snapshot of its translog, its term and global checkpoint.</summary>
/// <param name="Ops">Every operation the primary holds.</param>
/// <param name="PrimaryTerm">The primary's term.</param>
/// <param name="GlobalCheckpoint">The primary's global checkpoint.</param>
public sealed record RecoveryResponse(ImmutableArray<Operation> Ops, long PrimaryTerm, long GlobalCheckpoint);

/// <summary>Coordinating node → primary: a realtime get.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Id">The id.</param>
public sealed record GetRequest(ShardId Shard, string Id);

/// <summary>The document found, or null.</summary>
/// <param name="Document">The document.</param>
public sealed record GetResponse(StoredDocument? Document);

/// <summary>Primary → replicas, when idle: the global checkpoint (ES GlobalCheckpointSyncAction).</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Target">The replica's allocation id.</param>
/// <param name="PrimaryTerm">The primary's term.</param>
/// <param name="GlobalCheckpoint">The global checkpoint.</param>
public sealed record CheckpointSyncRequest(ShardId Shard, string Target, long PrimaryTerm, long GlobalCheckpoint);

/// <summary>A replica accepted a request: the request's term and the term the copy held before (observation only).</summary>
/// <param name="Node">The replica's node.</param>
/// <param name="AllocationId">The replica copy.</param>
/// <param name="RequestTerm">The sender's primary term.</param>
/// <param name="CopyTerm">The copy's term before the request.</param>
public sealed record ReplicaAccept(string Node, string AllocationId, long RequestTerm, long CopyTerm);
