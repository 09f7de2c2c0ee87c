using Verified.Conformance.Checks;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>The ring checks: search, walk, zones, quorum, health, read set, stability and balance.</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> RingChecks() =>
    [
        Property("Token search returns the first token strictly greater than the key, wrapping", RingProperties.SearchTokenIsFirstStrictlyGreaterWrapping, "LOKI-PLACE-4"),
        Property("Lookup on a healthy ring returns min(RF, N) distinct instances in walk order", RingProperties.LookupReturnsDistinctInstancesInWalkOrder, "LOKI-PLACE-5"),
        Property("Lookup equals the independent dskit model for every operation, state and heartbeat mix", RingProperties.LookupEqualsIndependentDskitModel, "LOKI-PLACE-5", "LOKI-PLACE-6", "LOKI-PLACE-7", "LOKI-PLACE-8"),
        Property("Zone-aware lookup (RF 5 zones variant) takes at most one instance per zone", t => RingProperties.ZoneAwareLookupTakesOneInstancePerZone(ZoneAware(t)), "LOKI-PLACE-6"),
        Property("Replication set keeps the healthy walked instances and needs max(RF, walked)/2+1", QuorumProperties.ReplicationSetFollowsQuorumFormula, "LOKI-PLACE-7", "LOKI-PLACE-8"),
        Property("A write succeeds iff at least minSuccess owners are healthy and acknowledge", QuorumProperties.WriteSucceedsIffQuorumOfOwnersIsHealthy, "LOKI-PLACE-8"),
        Property("Heartbeat age equal to the timeout is healthy, one second more is not", QuorumProperties.HeartbeatIsHealthyUpToTheTimeoutInclusive, "LOKI-PLACE-7"),
        Property("Read set is every healthy instance, failing below max(N, RF) - RF/2", QuorumProperties.ReadSetIsEveryHealthyInstance, "LOKI-PLACE-9"),
        Property("A joining instance takes keys only for itself, about 1/(N+1) of them", StabilityProperties.JoinMovesOnlyKeysTheNewInstanceOwns, "LOKI-PLACE-10"),
        Property("A leaving instance moves only the keys it owned", StabilityProperties.LeaveMovesOnlyKeysTheLeaverOwned, "LOKI-PLACE-10"),
        Property("With 128 tokens per instance the most loaded instance owns at most 1.5x the mean", StabilityProperties.MostLoadedInstanceStaysWithinBound, "LOKI-PLACE-11"),
    ];

    /// <summary>The zone property needs a zone-aware spec: a target that is not gets the RF 5 zones variant.</summary>
    private static PlacementTarget ZoneAware(PlacementTarget t) => t.Loki.ZoneAwareness ? t : t with { Loki = LokiRf5ZonesRouting.Instance };

    private static ConformanceCheck Property(string name, Func<PlacementTarget, FsCheck.Property> property, params string[] requirements) =>
        ConformanceCheck.Create(name, ctx => PropertyRunner.Run(property(ctx.Target), ctx), requirements);
}
