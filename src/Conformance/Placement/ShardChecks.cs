using Verified.Conformance.Checks;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>The Elasticsearch shard checks.</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> ShardChecks() =>
    [
        Property("Routing hash equals the independent murmur3 model over UTF-16LE code units", ShardProperties.HashEqualsIndependentMurmur3OverUtf16, "ES-PLACE-1"),
        Property("Document shard equals the independent model (routing ?? _id, legacy or modulo, partitions)", ShardProperties.ShardOfEqualsIndependentModel, "ES-PLACE-2", "ES-PLACE-3", "ES-PLACE-6"),
        Property("Shard is in [0, N) for every hash, N and R", ShardProperties.ShardIsInRange, "ES-PLACE-3"),
        Property("Default shard function equals the independent model", ShardProperties.DefaultFormulaShardEqualsIndependentModel, "ES-PLACE-3"),
        Property("Modulo variant shard is FloorMod(h, N)", t => ShardProperties.DefaultFormulaShardEqualsIndependentModel(Modulo(t)), "ES-PLACE-3"),
        Property("Legacy and modulo agree when R = N", ShardProperties.LegacyAndModuloAgreeWhenRoutingShardsEqualShards, "ES-PLACE-8"),
        Property("Legacy split by k keeps every document in a target shard whose index / k is its source shard", ShardProperties.LegacySplitKeepsDocumentsInTheirSourceShardBlock, "ES-PLACE-5"),
        Property("A partitioned routing value reaches at most p shards and holds all its documents", ShardProperties.PartitionedRoutingReachesAtMostPartitionSizeShards, "ES-PLACE-6"),
        Property("ES#48863: legacy default R keeps a partitioned routing value on at most 2 shards; R = N or modulo reach min(p, N)", ShardProperties.PartitionedLegacyDefaultRoutingReachesAtMostTwoShards_ES48863, "ES-PLACE-7"),
    ];

    /// <summary>The modulo check needs a modulo spec: a target that is not gets the modulo variant.</summary>
    private static PlacementTarget Modulo(PlacementTarget t) =>
        t.Elasticsearch.DefaultFormula == ShardFormula.Modulo ? t : t with { Elasticsearch = ElasticsearchModuloRouting.Instance };
}
