namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Seeded bugs for negative controls: each makes search wrong in one known way so the suite can show its properties
/// catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum SearchFaults
{
    None = 0,

    /// <summary>bool ignores its must_not clauses.</summary>
    MustNotIgnored = 1,

    /// <summary>range treats gt/lt like gte/lte.</summary>
    RangeBoundsAlwaysInclusive = 2,

    /// <summary>The merge breaks ties by doc id alone, ignoring the shard index (ES orders shardIndex, then doc).</summary>
    MergeIgnoresShardIndexOnTies = 4,

    /// <summary>bool requires a should match even beside must/filter clauses (the default is 0 there).</summary>
    ShouldAlwaysRequired = 8,

    /// <summary>Each shard skips <c>from</c> hits itself instead of returning its top from+size.</summary>
    FromAppliedPerShard = 16,

    /// <summary>Failed shards are reported as successful in <c>_shards</c>.</summary>
    FailedShardsCountedAsSuccessful = 32,

    /// <summary>A replica copy in a cluster does not update its search index when it applies an operation (the primary does).</summary>
    ReplicaApplySkipsSearchIndex = 64,
}
