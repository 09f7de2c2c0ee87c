using Shouldly;
using Verified.Conformance.Checks;
using Verified.Conformance.Durability;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The example-based write-path checks hold for the reference and fail for seeded validation bugs.</summary>
public sealed class WritePathCheckTests
{
    [Fact]
    [Requirement("LOKI-VAL-1")]
    [Requirement("LOKI-VAL-2")]
    [Requirement("LOKI-VAL-3")]
    [Requirement("LOKI-VAL-4")]
    [Requirement("LOKI-VAL-5")]
    public void MalformedPushes_GetLokisAnswers() => WritePathChecks.Validation(new LokiClusterOptions()).Verdict.ShouldBe(Verdict.Passed);

    [Fact]
    [Requirement("LOKI-DUR-7")]
    [Requirement("LOKI-DUR-8")]
    public void IdenticalReplicaChunks_AreStoredOnce() => WritePathChecks.Chunks(new LokiClusterOptions()).Verdict.ShouldBe(Verdict.Passed);

    [Fact]
    [Requirement("LOKI-VAL-1")]
    public void SeededBug_LabelNameLengthUnchecked_IsCaught()
    {
        var outcome = WritePathChecks.Validation(new LokiClusterOptions { DistributorFaults = DistributorFaults.SkipLabelNameLengthCheck });
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("has label name too long:");
    }

    [Fact]
    [Requirement("LOKI-VAL-2")]
    public void SeededBug_InvalidEntriesSent_IsCaught()
    {
        var outcome = WritePathChecks.Validation(new LokiClusterOptions { DistributorFaults = DistributorFaults.SendInvalidEntries });
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("invalid or rejected entries were stored");
    }
}
