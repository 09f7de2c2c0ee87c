using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>The gold-vector checks: one per file under shared/vectors (skipped when the vectors are not found).</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> VectorChecks() =>
    [
        ConformanceCheck.Create("Gold vectors: Loki token and label hashes", PlacementVectors.LokiHashTokens, "LOKI-PLACE-13", "LOKI-PLACE-1", "LOKI-PLACE-2"),
        ConformanceCheck.Create("Gold vectors: dskit ring tests (search, distance, filter, read set, operations)", PlacementVectors.LokiRingUpstream, "LOKI-PLACE-13", "LOKI-PLACE-4", "LOKI-PLACE-8", "LOKI-PLACE-9"),
        ConformanceCheck.Create("Gold vectors: 79 derived ring lookups", PlacementVectors.LokiRingDerived, "LOKI-PLACE-13", "LOKI-PLACE-5", "LOKI-PLACE-6", "LOKI-PLACE-7", "LOKI-PLACE-8"),
        ConformanceCheck.Create("Gold vectors: Loki chunk keys", PlacementVectors.LokiChunkKeys, "LOKI-PLACE-13"),
        ConformanceCheck.Create("Gold vectors: Elasticsearch murmur3 known values", PlacementVectors.EsMurmur3, "ES-PLACE-9", "ES-PLACE-1"),
        ConformanceCheck.Create("Gold vectors: Elasticsearch testBWC, 8 shards", PlacementVectors.EsBwc, "ES-PLACE-9", "ES-PLACE-3"),
        ConformanceCheck.Create("Gold vectors: Elasticsearch 2.x shard_routes", PlacementVectors.EsShardRoutes, "ES-PLACE-9", "ES-PLACE-2"),
        ConformanceCheck.Create("Gold vectors: Elasticsearch partitioned routing", PlacementVectors.EsPartitioned, "ES-PLACE-9", "ES-PLACE-6"),
        ConformanceCheck.Create("Gold vectors: Elasticsearch mod routing change", PlacementVectors.EsModRoutingChange, "ES-PLACE-9", "ES-PLACE-3"),
        ConformanceCheck.Create("Gold vectors: shards observed on real ES and OpenSearch clusters", PlacementVectors.EsApiCreated, "ES-PLACE-9", "ES-PLACE-4"),
    ];
}
