using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Durability;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Querier;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>
/// Read completeness of the Loki read path over generated write-and-query workloads, and the seeded read-path bugs
/// and Loki's window gap each failing it.
/// </summary>
public sealed class ReadPathPropertiesTests
{
    [VerifiedProperty]
    [Requirement("LOKI-READ-1")]
    [Requirement("LOKI-READ-2")]
    [Requirement("LOKI-READ-3")]
    [Requirement("LOKI-READ-5")]
    [Requirement("LOKI-READ-10")]
    public Property Queries_ReturnEveryAcknowledgedEntry_ExactlyOnce_InOrder() =>
        ReadPathProperties.QueriesAreCompleteAndExact(new LokiClusterOptions());

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void QuerierSkippingIngesters_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { QuerierFaults = QuerierFaults.SkipIngesters }, "missing");

    [Fact]
    [Requirement("LOKI-READ-2")]
    public void NoDedupeAcrossReplicas_IsCaught() =>
        // The frontend's deduplicating merge removes the copies again, but they have used up the limit first.
        ShouldCatch(new LokiClusterOptions { QuerierFaults = QuerierFaults.NoDedupe }, "missing");

    [Fact]
    [Requirement("LOKI-READ-2")]
    public void DedupeAcrossStreams_IsCaught() =>
        ShouldCatch(new LokiClusterOptions { QuerierFaults = QuerierFaults.DedupeAcrossStreams }, "missing");

    [Fact]
    [Requirement("LOKI-READ-10")]
    public void LokisWindowGap_FailsCompleteness() =>
        ShouldCatch(new LokiClusterOptions { Spec = LokiCompatReadRouting.Instance }, "missing");

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void PushFlushCrashAndHoursLater_QueryFindsEverything()
    {
        WriteOperation[] operations =
        [
            new WriteOperation.Push(0, 0, 3, 0, false),
            new WriteOperation.Push(0, 1, 2, 0, false),
            new WriteOperation.Flush(),
            new WriteOperation.Push(0, 0, 2, 0, false),
            new WriteOperation.Crash(1),
            new WriteOperation.Advance(5 * 3600),
            new WriteOperation.Query(0, 0, 0, 6, Backward: false, Limit: 1000),
            new WriteOperation.Query(0, 2, 0, 6, Backward: true, Limit: 2),
        ];
        var history = WriteWorkloadRunner.Run(operations, seed: 11);
        var queries = history.Queries.ToList();
        queries.Count.ShouldBe(2 + WriteWorkloads.Tenants, history.Describe());
        queries.ShouldAllBe(q => q.Error == null, history.Describe());
        queries[^WriteWorkloads.Tenants].Returned.Sum(s => s.Entries.Length).ShouldBe(7, history.Describe());
        queries.SelectMany(q => QueryChecker.Check(history, q)).ShouldBeEmpty(history.Describe());
    }

    private static void ShouldCatch(LokiClusterOptions options, string kind)
    {
        var outcome = PropertyRunner.Run(ReadPathProperties.QueriesAreCompleteAndExact(options), new CheckContext(PlacementTarget.Reference, null, MaxTest: 300));
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain(kind, Case.Sensitive, outcome.Detail);
    }
}
