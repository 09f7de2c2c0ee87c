using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>Quorum arithmetic and health (LOKI-PLACE-7..9): the filter, the write outcome, heartbeats, the read set.</summary>
public static class QuorumProperties
{
    /// <summary>Rings without zones (the read-set formula is the non-zone one), any operation and mix.</summary>
    public static Gen<RingCase> FlatRings(PlacementTarget t) =>
        RingGenerators.Mixed(t).Select(c => c with { Config = c.Config with { ZoneAwareness = false } });

    /// <summary>A heartbeat age in seconds: mostly within two of the timeout either side, sometimes anywhere up to 3× it.</summary>
    public static Gen<int> HeartbeatAges(int timeout) => Gen.Frequency(
        (3, Gen.Choose(timeout - 2, timeout + 2)), (1, Gen.Choose(0, 3 * timeout)));

    /// <summary>
    /// Whatever the walk took, the replication set is its healthy members in walk order, minSuccess is
    /// max(RF, walked)/2 + 1, MaxErrors = healthy − minSuccess, and with too few healthy the error is dskit's text
    /// naming the unhealthy by address (LOKI-PLACE-7, LOKI-PLACE-8).
    /// </summary>
    public static Property ReplicationSetFollowsQuorumFormula(PlacementTarget t) => Prop.ForAll(RingGenerators.Mixed(t).ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var set = t.CreateRing(c.Instances, c.Config).Get(c.Key, RingProperties.Operation(t, c.Operation), c.Now);
        var model = IndependentModel.Filter(set.Walked, c.Operation, c.Config.ReplicationFactor, c.Config.ZoneAwareness, c.Config.HeartbeatTimeoutSeconds, c.Now);
        problems.Expect("error", model.Error, set.Error);
        if (model.Error is null && set.Error is null)
        {
            problems.ExpectSequence("healthy walked instances", model.Healthy, set.Instances.Select(i => i.Id));
            problems.Expect("minSuccess", model.MinSuccess, set.MinSuccess);
            problems.Expect("MaxErrors", model.MaxErrors, set.MaxErrors);
        }

        return Law.Holds(problems);
    });

    /// <summary>
    /// A push to the owners of a key succeeds iff at least minSuccess = max(RF, walked)/2 + 1 of them acknowledge:
    /// for every number f of failing healthy owners, "f ≤ MaxErrors" is exactly "acks ≥ minSuccess", and the lookup
    /// itself fails iff fewer than minSuccess owners are healthy (LOKI-PLACE-8).
    /// </summary>
    public static Property WriteSucceedsIffQuorumOfOwnersIsHealthy(PlacementTarget t) => Prop.ForAll(RingGenerators.Mixed(t).ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var set = t.CreateRing(c.Instances, c.Config).Get(c.Key, RingProperties.Operation(t, c.Operation), c.Now);
        var minSuccess = (Math.Max(c.Config.ReplicationFactor, set.Walked.Length) / 2) + 1;
        var healthy = set.Walked.Count(i => IndependentModel.IsHealthy(i, c.Operation, c.Config.HeartbeatTimeoutSeconds, c.Now));
        problems.Expect($"lookup succeeds ({healthy} healthy of {set.Walked.Length} walked, {minSuccess} needed)", healthy >= minSuccess, set.Succeeded);
        if (set.Succeeded)
        {
            for (var failures = 0; failures <= set.Instances.Length; failures++)
            {
                var acks = set.Instances.Length - failures;
                problems.Expect($"push with {failures} failing owners succeeds", acks >= minSuccess, failures <= set.MaxErrors);
            }
        }

        return Law.Holds(problems);
    });

    /// <summary>
    /// Heartbeat health is whole seconds with an inclusive bound: age == timeout is healthy, timeout + 1 is not — for
    /// the instance and for a one-instance ring's lookup (LOKI-PLACE-7).
    /// </summary>
    public static Property HeartbeatIsHealthyUpToTheTimeoutInclusive(PlacementTarget t)
    {
        var timeout = t.Loki.HeartbeatTimeoutSeconds;
        return Prop.ForAll(HeartbeatAges(timeout).ToArbitrary(), age =>
        {
            var problems = new List<string>();
            var config = RingConfig.From(t.Loki) with { ReplicationFactor = 1, ZoneAwareness = false };
            var active = t.Loki.FindState("ACTIVE") ?? t.Loki.States[0];
            var instance = new RingInstance("ing-0", "10.0.0.0:9095", "", active, [1000u], RingGenerators.Now - age);
            var ring = t.CreateRing([instance], config);
            var op = RingProperties.Operation(t, "WriteNoExtend");
            var expected = age <= timeout;
            problems.Expect($"healthy at age {age}s (timeout {timeout}s)", expected, ring.IsHealthy(instance, op, RingGenerators.Now));
            problems.Expect($"lookup succeeds at age {age}s", expected, ring.Get(5u, op, RingGenerators.Now).Succeeded);
            return Law.Holds(problems);
        });
    }

    /// <summary>
    /// The querier read set is every healthy instance; it fails with <c>too many unhealthy instances in the ring</c>
    /// iff healthy &lt; max(N, RF) − RF/2, else MaxErrors = healthy − that (LOKI-PLACE-9).
    /// </summary>
    public static Property ReadSetIsEveryHealthyInstance(PlacementTarget t) => Prop.ForAll(FlatRings(t).ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var set = t.CreateRing(c.Instances, c.Config).GetReplicationSetForOperation(RingProperties.Operation(t, c.Operation), c.Now);
        var model = IndependentModel.ReadSet(c.Instances, c.Operation, c.Config.ReplicationFactor, c.Config.HeartbeatTimeoutSeconds, c.Now);
        problems.Expect("error", model.Error, set.Error);
        if (model.Error is null && set.Error is null)
        {
            problems.ExpectSequence("read set (by id)", model.Healthy, set.Instances.Select(i => i.Id).Order(StringComparer.Ordinal));
            problems.Expect("MaxErrors", model.MaxErrors, set.MaxErrors);
        }

        return Law.Holds(problems);
    });
}
