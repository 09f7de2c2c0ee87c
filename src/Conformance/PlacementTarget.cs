using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Conformance;

/// <summary>
/// What the placement checks run against: the Loki and Elasticsearch specs (generated code) and how rings
/// are built. <see cref="Reference"/> is the embedded reference; tests swap in mutant specs or seeded ring
/// faults to show that each check can fail.
/// </summary>
public sealed record PlacementTarget(string Name, ITokenRingSpec Loki, IShardFormulaSpec Elasticsearch)
{
    /// <summary>The embedded reference: spec/loki.yaml and spec/elasticsearch.yaml.</summary>
    public static PlacementTarget Reference { get; } = new("reference", LokiRouting.Instance, ElasticsearchRouting.Instance);

    /// <summary>Seeded ring bugs (negative controls only).</summary>
    internal RingFaults RingFaults { get; init; }

    /// <summary>Builds a ring of this target.</summary>
    public Ring CreateRing(IEnumerable<RingInstance> instances, RingConfig? config = null) =>
        new(Loki, instances, config ?? RingConfig.From(Loki), RingFaults);
}
