using FsCheck;
using FsCheck.Experimental;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Durability;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Ingester;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The model-based stateful test of the write path, and the seeded bugs it must catch.</summary>
public sealed class WritePathMachineTests
{
    [VerifiedProperty]
    [Requirement("LOKI-DUR-1")]
    [Requirement("LOKI-DUR-2")]
    [Requirement("LOKI-VAL-6")]
    public Property WritePath_BehavesAsTheModel() => new WritePathMachine(new LokiClusterOptions()).ToProperty();

    [Fact]
    [Requirement("LOKI-VAL-6")]
    public void SeededBug_OutOfOrderWindowIgnored_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { IngesterFaults = IngesterFaults.WindowIgnored }, "entry too far behind");

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-3")]
    public Property Streams_LiveOnlyOnTheirOwners() => PlacementOnWritePath.StreamsLiveOnlyOnTheirOwners(new LokiClusterOptions());

    [Fact]
    [Requirement("LOKI-PLACE-2")]
    [Requirement("LOKI-PLACE-3")]
    public void SeededBug_LabelsHashedWithoutCanonicalization_IsCaught()
    {
        var options = new LokiClusterOptions { Spec = Verified.Routing.MutantLokiUnsortedLabelsRouting.Instance };
        var outcome = PropertyRunner.Run(PlacementOnWritePath.StreamsLiveOnlyOnTheirOwners(options), new CheckContext(PlacementTarget.Reference, null, MaxTest: 100));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("owned by");
    }

    private static void ShouldCatch(LokiClusterOptions options, string expected)
    {
        var outcome = PropertyRunner.Run(new WritePathMachine(options).ToProperty(), new CheckContext(PlacementTarget.Reference, null, MaxTest: 200));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain(expected);
    }
}
