using System.Collections.Immutable;
using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>The placement checks: Loki tokens and ring, Elasticsearch shards, gold vectors.</summary>
public static partial class PlacementChecks
{
    /// <summary>All placement checks.</summary>
    public static ImmutableArray<ConformanceCheck> All { get; } = [.. TokenChecks(), .. RingChecks(), .. ShardChecks(), .. VectorChecks()];
}
