using System.Collections.Immutable;
using Shouldly;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// The scenario's invariants on hand-made snapshots, outside Coyote: each check passes the legal steps and
/// names the illegal ones. The Coyote negative controls reach only some of these messages; these pin the rest.
/// </summary>
public sealed class RingSnapshotChecksTests
{
    private const long Now = 1_700_000_000;

    private static readonly InstanceState Active = LokiRouting.InstanceStates.Active;
    private static readonly InstanceState Leaving = LokiRouting.InstanceStates.Leaving;
    private static readonly InstanceState Pending = LokiRouting.InstanceStates.Pending;

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-1")]
    public void PublishThatTakesAllowedSteps_Passes() =>
        RingSnapshotChecks.CheckPublish(
            RingOf(("a", Active, 10u), ("b", Active, 20u), ("c", Pending, 0u)),
            RingOf(("a", Leaving, 10u), ("b", Active, 20u), ("c", Active, 30u), ("d", Pending, 0u)),
            "x").ShouldBeNull();

    [Fact]
    public void PublishThatRemovesALeavingMember_Passes() =>
        RingSnapshotChecks.CheckPublish(RingOf(("a", Leaving, 10u), ("b", Active, 20u)), RingOf(("b", Active, 20u)), "a").ShouldBeNull();

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-1")]
    public void PublishThatMovesPendingToLeaving_IsALifecycleViolation() =>
        RingSnapshotChecks.CheckPublish(RingOf(("a", Active, 10u), ("c", Pending, 0u)), RingOf(("a", Active, 10u), ("c", Leaving, 0u)), "c")
            .ShouldBe("Lifecycle violation: c went PENDING -> LEAVING in the ring c published (changing instance state from PENDING -> LEAVING is disallowed).");

    [Fact]
    public void PublishThatUndoesAnActivation_IsALostChange() =>
        RingSnapshotChecks.CheckPublish(RingOf(("a", Active, 10u), ("c", Active, 30u)), RingOf(("a", Active, 10u), ("c", Pending, 0u)), "d")
            .ShouldBe("Lost membership change: c went back from ACTIVE to PENDING in the ring d published, undoing a published change (changing instance state from ACTIVE -> PENDING is disallowed).");

    [Fact]
    public void PublishThatDropsAJoiner_IsALostChange() =>
        RingSnapshotChecks.CheckPublish(RingOf(("a", Active, 10u), ("c", Pending, 0u)), RingOf(("a", Active, 10u), ("d", Pending, 0u)), "d")
            .ShouldBe("Lost membership change: c (PENDING) is missing from the ring d published.");

    [Fact]
    public void PublishThatAddsAMemberAlreadyActive_IsALifecycleViolation() =>
        RingSnapshotChecks.CheckPublish(RingOf(("a", Active, 10u)), RingOf(("a", Active, 10u), ("c", Active, 30u)), "c")
            .ShouldBe("Lifecycle violation: c appeared as ACTIVE in the ring c published; members join as PENDING.");

    [Fact]
    public void FinalRingThatLostALeave_IsALostChange()
    {
        var ring = RingOf(("a", Active, 10u), ("c", Active, 30u));
        var joined = new Dictionary<string, ImmutableArray<uint>> { ["c"] = [30u] };
        RingSnapshotChecks.CheckFinal(ring, joined, []).ShouldBeNull();
        RingSnapshotChecks.CheckFinal(ring, joined, ["a"]).ShouldBe("Lost membership change: a started leaving, but the final ring has it ACTIVE.");
        RingSnapshotChecks.CheckFinal(ring, new Dictionary<string, ImmutableArray<uint>> { ["c"] = [31u] }, [])
            .ShouldBe("Lost membership change: c joined with 1 tokens, but the final ring has it with 1 others.");
        RingSnapshotChecks.CheckFinal(RingOf(("a", Active, 10u), ("c", Pending, 0u)), joined, [])
            .ShouldBe("Lost membership change: c joined ACTIVE, but the final ring has it PENDING.");
    }

    [Fact]
    [Trait("Requirement", "LOKI-PLACE-8")]
    public void LookupThatReturnsALeavingMemberOrTooFew_IsALookupViolation()
    {
        var ring = RingOf(("a", Active, 10u), ("b", Leaving, 20u), ("c", Active, 30u));
        var set = ring.Get(15, LokiRouting.RingOperations.WriteNoExtend, Now);
        RingSnapshotChecks.CheckLookup(ring, 15, set, Now).ShouldBeNull();

        var withLeaving = set with { Instances = [.. ring.Instances] };
        RingSnapshotChecks.CheckLookup(ring, 15, withLeaving, Now).ShouldBe("Lookup invariant: key 15 returned b (LEAVING), which is not a healthy member of the snapshot.");

        var tooFew = set with { Instances = [ring.Instances[0]] };
        RingSnapshotChecks.CheckLookup(ring, 15, tooFew, Now).ShouldBe("Lookup invariant: key 15 returned 1 healthy instances, fewer than max(RF, walked)/2+1 = 2.");
    }

    private static Ring RingOf(params (string Id, InstanceState State, uint Token)[] members) =>
        new(LokiRouting.Instance, members.Select(m => new RingInstance(m.Id, m.Id + ":9095", "", m.State, m.Token == 0 ? [] : [m.Token], Now)));
}
