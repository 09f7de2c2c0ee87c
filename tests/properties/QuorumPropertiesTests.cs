using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Quorum arithmetic, heartbeats and the read set: LOKI-PLACE-7..9.</summary>
public sealed class QuorumPropertiesTests
{
    private const long Now = RingGenerators.Now;
    private static readonly PlacementTarget Target = PlacementTarget.Reference;

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-7", "LOKI-PLACE-8")]
    public Property ReplicationSet_KeepsHealthyWalkedInstancesAndNeedsMaxOfRfAndWalkedHalvedPlusOne() => QuorumProperties.ReplicationSetFollowsQuorumFormula(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-8")]
    public Property Write_SucceedsIffQuorumOfOwnersIsHealthy() => QuorumProperties.WriteSucceedsIffQuorumOfOwnersIsHealthy(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-7")]
    public Property Heartbeat_IsHealthyUpToTheTimeoutInclusive() => QuorumProperties.HeartbeatIsHealthyUpToTheTimeoutInclusive(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-9")]
    public Property ReadSet_IsEveryHealthyInstance() => QuorumProperties.ReadSetIsEveryHealthyInstance(Target);

    [Theory]
    [Requirement("LOKI-PLACE-7")]
    [InlineData(0, true)]
    [InlineData(59, true)]
    [InlineData(60, true)] // age exactly the timeout: still healthy (dskit: now.Sub(ts) <= timeout)
    [InlineData(61, false)] // one whole second more: unhealthy
    public void HeartbeatAge_AgainstTheSixtySecondTimeout(int age, bool healthy)
    {
        var instance = Instance("a", 10, age);
        Target.CreateRing([instance]).IsHealthy(instance, LokiRouting.RingOperations.WriteNoExtend, Now).ShouldBe(healthy);
    }

    [Fact]
    [Requirement("LOKI-PLACE-8")]
    public void OneStaleOfThree_LeavesTwoWithNoErrorsAllowed()
    {
        var ring = Target.CreateRing([Instance("a", 10, 0), Instance("b", 20, 61), Instance("c", 30, 0)]);
        var set = ring.Get(0, LokiRouting.RingOperations.WriteNoExtend, Now);
        set.Instances.Select(i => i.Id).ShouldBe(["a", "c"]);
        set.MaxErrors.ShouldBe(0);
        set.MinSuccess.ShouldBe(2);
    }

    [Fact]
    [Requirement("LOKI-PLACE-8")]
    public void TwoStaleOfThree_FailsNamingTheirAddresses()
    {
        var ring = Target.CreateRing([Instance("a", 10, 0), Instance("b", 20, 61), Instance("c", 30, 120)]);
        ring.Get(0, LokiRouting.RingOperations.WriteNoExtend, Now).Error
            .ShouldBe("at least 2 live replicas required, could only find 1 - unhealthy instances: b:9095,c:9095");
    }

    [Fact]
    [Requirement("LOKI-PLACE-9")]
    public void ReadSet_ToleratesOneUnhealthyOfFiveButNotTwo()
    {
        var one = Target.CreateRing([Instance("a", 1, 0), Instance("b", 2, 0), Instance("c", 3, 0), Instance("d", 4, 0), Instance("e", 5, 61)]);
        var set = one.GetReplicationSetForOperation(LokiRouting.RingOperations.Read, Now);
        set.Instances.Select(i => i.Id).ShouldBe(["a", "b", "c", "d"]);
        set.MaxErrors.ShouldBe(0);

        var two = Target.CreateRing([Instance("a", 1, 0), Instance("b", 2, 0), Instance("c", 3, 0), Instance("d", 4, 61), Instance("e", 5, 61)]);
        two.GetReplicationSetForOperation(LokiRouting.RingOperations.Read, Now).Error.ShouldBe("too many unhealthy instances in the ring");
    }

    private static RingInstance Instance(string id, uint token, int age) =>
        new(id, id + ":9095", "", LokiRouting.InstanceStates.Active, [token], Now - age);
}
