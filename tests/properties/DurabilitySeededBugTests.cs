using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Durability;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ingester;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The durability property catches each seeded write-path bug (negative controls).</summary>
public sealed class DurabilitySeededBugTests
{
    [Fact]
    [Requirement("LOKI-DUR-1")]
    public void AckAfterOneOfThree_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { DistributorFaults = DistributorFaults.AckAfterFirstSuccess });

    [Fact]
    [Requirement("LOKI-DUR-3")]
    public void WalWrittenAfterTheAck_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { IngesterFaults = IngesterFaults.WalAfterAck });

    [Fact]
    [Requirement("LOKI-DUR-5")]
    public void ChunkDroppedBeforeTheStoreConfirms_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { IngesterFaults = IngesterFaults.ChunkDroppedBeforeStore });

    private static void ShouldCatch(LokiClusterOptions options)
    {
        var outcome = PropertyRunner.Run(DurabilityProperties.AcknowledgedEntriesSurvive(options), new CheckContext(PlacementTarget.Reference, null, MaxTest: 300));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("lost-ack");
    }
}
