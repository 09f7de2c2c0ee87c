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
}
