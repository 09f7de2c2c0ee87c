namespace Verified.Reference.Elasticsearch.Replication;

/// <summary>
/// Seeded bugs for negative controls of the replication properties: each breaks one rule of ELASTICSEARCH.md §2 so
/// the suite can show a property catches it. Never set outside tests.
/// </summary>
[Flags]
internal enum ReplicationFaults
{
    None = 0,

    /// <summary>The primary acknowledges once it applied the write locally; the replicas are sent it in the background.</summary>
    AckBeforeReplicas = 1,

    /// <summary>The master ignores the in-sync set and promotes the last assigned replica, a recovering one included.</summary>
    PromoteOutOfSync = 2,

    /// <summary>A replica applies an operation whose primary term is older than its own instead of rejecting it.</summary>
    ReplicaAcceptsOlderTerm = 4,

    /// <summary>After a promotion the replicas keep their operations above the resync's max seq_no (no trim).</summary>
    NoTrimAfterPromotion = 8,

    /// <summary>
    /// The primary takes its own local checkpoint as the global checkpoint once a write (or a resync or a checkpoint
    /// sync) is answered, as if every replica held everything it holds — but writes running concurrently have not
    /// reached them yet (ES ReplicationTracker computes the minimum over the in-sync copies).
    /// </summary>
    GlobalCheckpointFromPrimaryOnly = 16,

    /// <summary>
    /// Peer recovery skips phase 1: the primary sends only the operations above its global checkpoint, as if the
    /// files holding the rest had been copied, and the recovered copy starts with a global checkpoint above its local
    /// one (ES RecoverySourceHandler copies files first, then replays the translog).
    /// </summary>
    RecoverySkipsBelowGlobalCheckpoint = 32,

    /// <summary>
    /// A promoted replica adopts the new term and starts serving without filling the gaps above its global checkpoint
    /// (ES IndexShard.updateShardState → fillSeqNoGaps forgotten): its pending operations stay holes below max_seq_no.
    /// </summary>
    PromotionSkipsGapFill = 64,

    /// <summary>
    /// The master promotes a replica without incrementing the shard's primary term (ES IndexMetadataUpdater bumps it),
    /// so the old and the new primary share a term.
    /// </summary>
    PromotionWithoutTermBump = 128,

    /// <summary>
    /// When a shard goes red (its primary failed and no in-sync replica is left) the master resets its primary term to
    /// 0, as for a shard never allocated, instead of keeping it.
    /// </summary>
    TermResetWhenRed = 256,

    /// <summary>
    /// When a shard goes red the failed primary's id leaves the in-sync set like any failed copy's, emptying it (ES
    /// keeps the last in-sync ids so that only a copy holding every acknowledged write can become primary again).
    /// </summary>
    LastInSyncRemoved = 512,
}
