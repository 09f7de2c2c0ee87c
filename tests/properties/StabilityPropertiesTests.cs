using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Consistent hashing: LOKI-PLACE-10 (stability) and LOKI-PLACE-11 (balance).</summary>
public sealed class StabilityPropertiesTests
{
    private static readonly PlacementTarget Target = PlacementTarget.Reference;

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-10")]
    public Property Join_MovesOnlyKeysTheNewInstanceNowOwns() => StabilityProperties.JoinMovesOnlyKeysTheNewInstanceOwns(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-10")]
    public Property Leave_MovesOnlyKeysTheLeaverOwned() => StabilityProperties.LeaveMovesOnlyKeysTheLeaverOwned(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-11")]
    public Property MostLoadedInstance_OwnsAtMostOneAndAHalfTimesTheMean() => StabilityProperties.MostLoadedInstanceStaysWithinBound(Target);

    [Fact]
    [Requirement("LOKI-PLACE-11")]
    public void SingleInstance_OwnsTheWholeRing()
    {
        var ring = Target.CreateRing([new RingInstance("a", "a", "", LokiRouting.InstanceStates.Active, [42u], 0)]);
        StabilityProperties.MaxOverMeanOwnership(ring).ShouldBe(1.0);
    }

    [Fact]
    [Requirement("LOKI-PLACE-11")]
    public void TwoInstancesWithOneTokenEach_OwnTheGapsBeforeTheirTokens()
    {
        // Keys in [previous token, token) go to the token: a owns [3·2^30, 2^30) = half the ring, b the other half.
        var ring = Target.CreateRing([
            new RingInstance("a", "a", "", LokiRouting.InstanceStates.Active, [1u << 30], 0),
            new RingInstance("b", "b", "", LokiRouting.InstanceStates.Active, [3u << 30], 0)]);
        StabilityProperties.MaxOverMeanOwnership(ring).ShouldBe(1.0);
        ring.PrimaryOwner(1u << 30).Id.ShouldBe("b");
        ring.PrimaryOwner(3u << 30).Id.ShouldBe("a");
    }

    [Theory]
    [Requirement("LOKI-PLACE-11")]
    [InlineData(10u, 10u, 4294967296L)]
    [InlineData(0u, 10u, 10L)]
    [InlineData(4294967295u, 0u, 1L)]
    public void TokenDistance_IsClockwiseAndAFullTurnWhenEqual(uint from, uint to, long distance)
    {
        TokenDistance.Between(from, to).ShouldBe(distance);
    }
}
