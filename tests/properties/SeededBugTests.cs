using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>
/// Negative controls: every placement property and vector check fails on a target with a seeded bug (a mutant spec
/// from spec/mutants, a seeded ring fault, or a faulty workload), and names the counterexample.
/// </summary>
public sealed class SeededBugTests
{
    private const int Budget = 200;
    private static readonly PlacementTarget Reference = PlacementTarget.Reference;
    private static readonly PlacementTarget Fnv1a = Reference with { Loki = MutantLokiFnv1aRouting.Instance };
    private static readonly PlacementTarget UnsortedLabels = Reference with { Loki = MutantLokiUnsortedLabelsRouting.Instance };
    private static readonly PlacementTarget InclusiveSearch = Reference with { Loki = MutantLokiInclusiveSearchRouting.Instance };
    private static readonly PlacementTarget QuorumIgnoresWalk = Reference with { Loki = MutantLokiQuorumIgnoresWalkRouting.Instance };
    private static readonly PlacementTarget HeartbeatExclusive = Reference with { Loki = MutantLokiHeartbeatExclusiveRouting.Instance };
    private static readonly PlacementTarget DuplicateInstance = Reference with { RingFaults = RingFaults.DuplicateInstanceNotSkipped };
    private static readonly PlacementTarget DuplicateInstanceZones = DuplicateInstance with { Loki = LokiRf5ZonesRouting.Instance };
    private static readonly PlacementTarget Utf8 = Reference with { Elasticsearch = MutantElasticsearchUtf8Routing.Instance };
    private static readonly PlacementTarget TruncatingMod = Reference with { Elasticsearch = MutantElasticsearchTruncatingModRouting.Instance };

    // 1. Token independence.
    [Fact]
    [Requirement("LOKI-PLACE-3")]
    public void UnsortedLabels_BreaksLabelOrderIndependence() => ShouldCatch(TokenProperties.IndependentOfLabelOrder(UnsortedLabels), UnsortedLabels);

    // 2. Token = FNV-1 model.
    [Fact]
    [Requirement("LOKI-PLACE-1")]
    public void Fnv1a_DiffersFromTheFnv1Model() => ShouldCatch(TokenProperties.EqualsIndependentFnv1Model(Fnv1a), Fnv1a);

    // 3. Strict token search: keys equal to a token are generated often.
    [Fact]
    [Requirement("LOKI-PLACE-4")]
    public void InclusiveSearch_BreaksStrictlyGreaterSearch() => ShouldCatch(RingProperties.SearchTokenIsFirstStrictlyGreaterWrapping(InclusiveSearch), InclusiveSearch);

    // 4. Walk and model.
    [Fact]
    [Requirement("LOKI-PLACE-5")]
    public void DuplicateInstanceNotSkipped_BreaksDistinctWalk() => ShouldCatch(RingProperties.LookupReturnsDistinctInstancesInWalkOrder(DuplicateInstance), DuplicateInstance);

    [Fact]
    [Requirement("LOKI-PLACE-5", "LOKI-PLACE-8")]
    public void DuplicateInstanceNotSkipped_DiffersFromTheDskitModel() => ShouldCatch(RingProperties.LookupEqualsIndependentDskitModel(DuplicateInstance), DuplicateInstance);

    [Fact]
    [Requirement("LOKI-PLACE-4", "LOKI-PLACE-5")]
    public void InclusiveSearch_DiffersFromTheDskitModel() => ShouldCatch(RingProperties.LookupEqualsIndependentDskitModel(InclusiveSearch), InclusiveSearch);

    [Fact]
    [Requirement("LOKI-PLACE-6")]
    public void DuplicateInstanceNotSkipped_BreaksOnePerZone() => ShouldCatch(RingProperties.ZoneAwareLookupTakesOneInstancePerZone(DuplicateInstanceZones), DuplicateInstanceZones);

    // 5. Quorum and heartbeats.
    [Fact]
    [Requirement("LOKI-PLACE-8")]
    public void QuorumIgnoringTheWalk_BreaksTheQuorumFormula() => ShouldCatch(QuorumProperties.ReplicationSetFollowsQuorumFormula(QuorumIgnoresWalk), QuorumIgnoresWalk);

    [Fact]
    [Requirement("LOKI-PLACE-7")]
    public void ExclusiveHeartbeatBound_BreaksTheQuorumFormula() => ShouldCatch(QuorumProperties.ReplicationSetFollowsQuorumFormula(HeartbeatExclusive), HeartbeatExclusive);

    [Fact]
    [Requirement("LOKI-PLACE-8")]
    public void QuorumIgnoringTheWalk_BreaksWriteSuccess() => ShouldCatch(QuorumProperties.WriteSucceedsIffQuorumOfOwnersIsHealthy(QuorumIgnoresWalk), QuorumIgnoresWalk);

    [Fact]
    [Requirement("LOKI-PLACE-7")]
    public void ExclusiveHeartbeatBound_BreaksInclusiveHealth() => ShouldCatch(QuorumProperties.HeartbeatIsHealthyUpToTheTimeoutInclusive(HeartbeatExclusive), HeartbeatExclusive);

    [Fact]
    [Requirement("LOKI-PLACE-7", "LOKI-PLACE-8")]
    public void ExclusiveHeartbeatBound_DiffersFromTheDskitModel() => ShouldCatch(RingProperties.LookupEqualsIndependentDskitModel(HeartbeatExclusive), HeartbeatExclusive);

    // 6. Read set.
    [Fact]
    [Requirement("LOKI-PLACE-9")]
    public void ExclusiveHeartbeatBound_BreaksTheReadSet() => ShouldCatch(QuorumProperties.ReadSetIsEveryHealthyInstance(HeartbeatExclusive), HeartbeatExclusive);

    // 7. Stability: the workload's seeded bug.
    [Fact]
    [Requirement("LOKI-PLACE-10")]
    public void TokensReassignedOnJoin_MovesKeysBetweenOldInstances() =>
        ShouldCatch(StabilityProperties.JoinMovesOnlyKeysTheNewInstanceOwns(Reference, MembershipFault.TokensReassignedOnJoin), Reference);

    [Fact]
    [Requirement("LOKI-PLACE-10")]
    public void TokensReassignedOnLeave_MovesKeysBetweenSurvivors() =>
        ShouldCatch(StabilityProperties.LeaveMovesOnlyKeysTheLeaverOwned(Reference, MembershipFault.TokensReassignedOnLeave), Reference);

    // 8. Balance: "too few tokens" misconfiguration.
    [Fact]
    [Requirement("LOKI-PLACE-11")]
    public void OneTokenPerInstance_BreaksTheBalanceBound() => ShouldCatch(StabilityProperties.MostLoadedInstanceStaysWithinBound(Reference, tokensPerInstance: 1), Reference);

    // 9. Elasticsearch.
    [Fact]
    [Requirement("ES-PLACE-1")]
    public void Utf8Encoding_DiffersFromTheUtf16Murmur3Model() => ShouldCatch(ShardProperties.HashEqualsIndependentMurmur3OverUtf16(Utf8), Utf8);

    [Fact]
    [Requirement("ES-PLACE-2", "ES-PLACE-3")]
    public void Utf8Encoding_DiffersFromTheShardModel() => ShouldCatch(ShardProperties.ShardOfEqualsIndependentModel(Utf8), Utf8);

    [Fact]
    [Requirement("ES-PLACE-3")]
    public void TruncatingMod_DiffersFromTheShardModel() => ShouldCatch(ShardProperties.ShardOfEqualsIndependentModel(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-3")]
    public void TruncatingMod_GivesShardsOutOfRange() => ShouldCatch(ShardProperties.ShardIsInRange(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-3")]
    public void TruncatingMod_BreaksTheDefaultFunction() => ShouldCatch(ShardProperties.DefaultFormulaShardEqualsIndependentModel(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-8")]
    public void TruncatingMod_BreaksLegacyModuloAgreementWithFloorMod() => ShouldCatch(ShardProperties.LegacyAndModuloAgreeWhenRoutingShardsEqualShards(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-5")]
    public void TruncatingMod_BreaksTheSplit() => ShouldCatch(ShardProperties.LegacySplitKeepsDocumentsInTheirSourceShardBlock(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-6")]
    public void TruncatingMod_BreaksPartitionedRouting() => ShouldCatch(ShardProperties.PartitionedRoutingReachesAtMostPartitionSizeShards(TruncatingMod), TruncatingMod);

    [Fact]
    [Requirement("ES-PLACE-7")]
    public void TruncatingMod_BreaksThePartitionShardCounts_ES48863() => ShouldCatch(ShardProperties.PartitionedLegacyDefaultRoutingReachesAtMostTwoShards_ES48863(TruncatingMod), TruncatingMod);

    // 10. Gold vectors reject the mutants.
    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void Fnv1a_FailsTheLokiHashVectors() => ShouldFail(PlacementVectors.LokiHashTokens(TestEnvironment.Context(Fnv1a)));

    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void UnsortedLabels_FailsTheLokiHashVectors() => ShouldFail(PlacementVectors.LokiHashTokens(TestEnvironment.Context(UnsortedLabels)));

    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void InclusiveSearch_FailsTheUpstreamRingVectors() => ShouldFail(PlacementVectors.LokiRingUpstream(TestEnvironment.Context(InclusiveSearch)));

    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void InclusiveSearch_FailsTheDerivedRingLookups() => ShouldFail(PlacementVectors.LokiRingDerived(TestEnvironment.Context(InclusiveSearch)));

    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void QuorumIgnoringTheWalk_FailsTheDerivedRingLookups() => ShouldFail(PlacementVectors.LokiRingDerived(TestEnvironment.Context(QuorumIgnoresWalk)));

    [Fact]
    [Requirement("ES-PLACE-9")]
    public void Utf8Encoding_FailsTheMurmur3Vectors() => ShouldFail(PlacementVectors.EsMurmur3(TestEnvironment.Context(Utf8)));

    [Fact]
    [Requirement("ES-PLACE-9")]
    public void TruncatingMod_FailsTheShardVectors()
    {
        ShouldFail(PlacementVectors.EsBwc(TestEnvironment.Context(TruncatingMod)));
        ShouldFail(PlacementVectors.EsApiCreated(TestEnvironment.Context(TruncatingMod)));
        ShouldFail(PlacementVectors.EsShardRoutes(TestEnvironment.Context(TruncatingMod)));
    }

    private static void ShouldCatch(Property property, PlacementTarget target)
    {
        var outcome = PropertyRunner.Run(property, new CheckContext(target, TestEnvironment.VectorsDirectory, MaxTest: Budget));
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain("Falsifiable");
        outcome.Detail.ShouldContain("Original:"); // the counterexample follows
        outcome.Replay.ShouldNotBeNull();
    }

    private static void ShouldFail(CheckOutcome outcome)
    {
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain("expected");
    }
}
