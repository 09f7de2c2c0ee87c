using Verified.Conformance.Checks;
using Verified.Reference.Loki.Cluster;

namespace Verified.Conformance.Durability;

/// <summary>The read-path checks <c>verified check</c> runs (LOKI-READ-n), against a simulated cluster with the target's Loki spec.</summary>
public static class ReadPathChecks
{
    /// <summary>All read-path checks.</summary>
    public static IEnumerable<ConformanceCheck> All() =>
    [
        ConformanceCheck.Create(
            "Log queries return every acknowledged entry they select, once, in order, within their limit, only the tenant's",
            ctx => PropertyRunner.Run(ReadPathProperties.QueriesAreCompleteAndExact(new LokiClusterOptions { Spec = ctx.Target.Loki }), ctx),
            "LOKI-READ-1", "LOKI-READ-2", "LOKI-READ-3", "LOKI-READ-5", "LOKI-READ-10"),
    ];
}
