using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>Placeholder until the vector checks land.</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> VectorChecks() => [];
}
