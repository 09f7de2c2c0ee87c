using System.Collections.Immutable;
using Verified.Conformance.Durability;
using Verified.Conformance.Lifecycle;
using Verified.Conformance.Placement;
using Verified.Conformance.Streams;

namespace Verified.Conformance.Checks;

/// <summary>Every check <c>verified check</c> runs, grouped by area. Later issues add their areas here.</summary>
public static class ConformanceSuite
{
    /// <summary>All checks, in report order.</summary>
    public static ImmutableArray<ConformanceCheck> All { get; } = [.. PlacementChecks.All, .. ServiceNameChecks.All(), .. LifecycleChecks.All(), .. WritePathChecks.All(), .. ReadPathChecks.All(), .. Elasticsearch.EsChecks.All];
}
