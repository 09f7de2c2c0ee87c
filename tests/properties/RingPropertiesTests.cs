using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Ring lookups: LOKI-PLACE-4..8.</summary>
public sealed class RingPropertiesTests
{
    private static readonly PlacementTarget Target = PlacementTarget.Reference;
    private static readonly PlacementTarget ZoneVariant = PlacementTarget.Reference with { Loki = LokiRf5ZonesRouting.Instance };

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-4")]
    public Property SearchToken_IsFirstTokenStrictlyGreaterThanTheKeyWrapping() => RingProperties.SearchTokenIsFirstStrictlyGreaterWrapping(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-5")]
    public Property Lookup_ReturnsDistinctInstancesInWalkOrder() => RingProperties.LookupReturnsDistinctInstancesInWalkOrder(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-5", "LOKI-PLACE-6", "LOKI-PLACE-7", "LOKI-PLACE-8")]
    public Property Lookup_EqualsIndependentDskitModelForEveryOperationAndStateMix() => RingProperties.LookupEqualsIndependentDskitModel(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-6")]
    public Property ZoneVariantLookup_TakesAtMostOneInstancePerZone() => RingProperties.ZoneAwareLookupTakesOneInstancePerZone(ZoneVariant);

    [Theory]
    [Requirement("LOKI-PLACE-4")]
    [InlineData(0u, 0)]
    [InlineData(2u, 0)]
    [InlineData(3u, 1)] // key == token moves on to the next token
    [InlineData(4u, 1)]
    [InlineData(5u, 0)] // key == the largest token wraps
    [InlineData(uint.MaxValue, 0)] // key above every token wraps
    public void SearchToken_KeyEqualToATokenMovesToTheNextOne(uint key, int index)
    {
        LokiRouting.SearchToken([3u, 5u], key).ShouldBe(index);
    }

    [Fact]
    [Requirement("LOKI-PLACE-6")]
    public void ZoneVariant_IsReplicationFactorFiveAndZoneAware()
    {
        RingConfig.From(LokiRf5ZonesRouting.Instance).ShouldBe(new RingConfig(5, true, 60));
        RingConfig.From(LokiRouting.Instance).ShouldBe(new RingConfig(3, false, 60));
    }

    [Fact]
    [Requirement("LOKI-PLACE-6", "LOKI-PLACE-8")]
    public void ZoneAwareRingWithOneZone_FailsWithTheZoneText()
    {
        var ring = ZoneVariant.CreateRing([Instance("a", "zone-a", 10), Instance("b", "zone-a", 20), Instance("c", "zone-a", 30)]);
        var set = ring.Get(0, LokiRouting.RingOperations.WriteNoExtend, RingGenerators.Now);
        set.Walked.Select(i => i.Id).ShouldBe(["a"]);
        set.Error.ShouldBe("at least 3 live replicas required across different availability zones, could only find 1");
    }

    [Fact]
    [Requirement("LOKI-PLACE-5")]
    public void InstanceOwningConsecutiveTokens_IsTakenOnce()
    {
        var ring = Target.CreateRing([Instance("a", "", 10, 20), Instance("b", "", 30, 40), Instance("c", "", 50)]);
        var set = ring.Get(0, LokiRouting.RingOperations.WriteNoExtend, RingGenerators.Now);
        set.Walked.Select(i => i.Id).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    [Requirement("LOKI-PLACE-7")]
    public void LeavingInstanceUnderWrite_ExtendsTheWalkByOne()
    {
        var leaving = Instance("a", "", 10) with { State = LokiRouting.InstanceStates.Leaving };
        var ring = Target.CreateRing([leaving, Instance("b", "", 20), Instance("c", "", 30), Instance("d", "", 40)]);
        var set = ring.Get(0, LokiRouting.RingOperations.Write, RingGenerators.Now);
        set.Walked.Select(i => i.Id).ShouldBe(["a", "b", "c", "d"]);
        set.Instances.Select(i => i.Id).ShouldBe(["b", "c", "d"]);
        set.MaxErrors.ShouldBe(0); // LOKI.md §2: walks 4 → 3/0, extension adds no slack
    }

    private static RingInstance Instance(string id, string zone, params uint[] tokens) =>
        new(id, id + ":9095", zone, LokiRouting.InstanceStates.Active, [.. tokens], RingGenerators.Now);
}
