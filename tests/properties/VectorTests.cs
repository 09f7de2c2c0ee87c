using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Every gold-vector file reproduces on the reference (LOKI-PLACE-13, ES-PLACE-9); the files are read from ../shared/vectors.</summary>
public sealed class VectorTests
{
    private static readonly CheckContext Context = TestEnvironment.Context(PlacementTarget.Reference);

    [Fact]
    [Requirement("LOKI-PLACE-13", "LOKI-PLACE-1", "LOKI-PLACE-2")]
    public void LokiHashTokenVectors_Reproduce() => ShouldPass(PlacementVectors.LokiHashTokens(Context));

    [Fact]
    [Requirement("LOKI-PLACE-13", "LOKI-PLACE-4", "LOKI-PLACE-8", "LOKI-PLACE-9")]
    public void LokiRingUpstreamVectors_Reproduce() => ShouldPass(PlacementVectors.LokiRingUpstream(Context));

    [Fact]
    [Requirement("LOKI-PLACE-13", "LOKI-PLACE-5", "LOKI-PLACE-6", "LOKI-PLACE-7", "LOKI-PLACE-8")]
    public void LokiRingDerivedLookups_Reproduce() => ShouldPass(PlacementVectors.LokiRingDerived(Context));

    [Fact]
    [Requirement("LOKI-PLACE-13")]
    public void LokiChunkKeyVectors_Reproduce() => ShouldPass(PlacementVectors.LokiChunkKeys(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-1")]
    public void ElasticsearchMurmur3Vectors_Reproduce() => ShouldPass(PlacementVectors.EsMurmur3(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-3")]
    public void ElasticsearchBwcVectors_Reproduce() => ShouldPass(PlacementVectors.EsBwc(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-2")]
    public void ElasticsearchShardRoutesVectors_Reproduce() => ShouldPass(PlacementVectors.EsShardRoutes(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-6")]
    public void ElasticsearchPartitionedVectors_Reproduce() => ShouldPass(PlacementVectors.EsPartitioned(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-3")]
    public void ElasticsearchModRoutingChangeVectors_Reproduce() => ShouldPass(PlacementVectors.EsModRoutingChange(Context));

    [Fact]
    [Requirement("ES-PLACE-9", "ES-PLACE-4")]
    public void ElasticsearchApiCreatedClusterVectors_Reproduce() => ShouldPass(PlacementVectors.EsApiCreated(Context));

    [Fact]
    [Requirement("LOKI-PLACE-13", "ES-PLACE-9")]
    public void VectorChecks_SkipWithAReasonWhenTheVectorsAreMissing()
    {
        var outcome = PlacementVectors.LokiHashTokens(new CheckContext(PlacementTarget.Reference, null));
        outcome.Verdict.ShouldBe(Verdict.Skipped);
        outcome.Detail.ShouldContain("vectors");
        PlacementVectors.EsMurmur3(new CheckContext(PlacementTarget.Reference, Path.Combine(Path.GetTempPath(), "no-such-vectors"))).Verdict.ShouldBe(Verdict.Skipped);
    }

    private static void ShouldPass(CheckOutcome outcome) => outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
}
