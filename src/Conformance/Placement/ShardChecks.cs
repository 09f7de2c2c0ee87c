using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>Placeholder until the shard checks land.</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> ShardChecks() => [];
}
