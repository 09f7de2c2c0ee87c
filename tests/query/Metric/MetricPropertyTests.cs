using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Durability;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Frontend;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Metric;

/// <summary>
/// The cluster's metric answers over generated histories equal the evaluator over the acknowledged entries, and the
/// seeded metric-path bugs each fail that property.
/// </summary>
public sealed class MetricPropertyTests
{
    [MetricProperty]
    public Property MetricQueries_EqualTheEvaluatorOverAcknowledgedEntries() =>
        MetricQueryProperties.MetricQueriesMatchTheEvaluator(new LokiClusterOptions());

    [Fact]
    public void SplitsSkippingTheirBoundaryStep_FailTheProperty() =>
        ShouldCatch(new LokiClusterOptions { FrontendFaults = FrontendFaults.MetricSplitsSkipBoundaryStep }, "wrong-series");

    [Fact]
    public void SamplesSelectedWithoutTheRange_FailTheProperty() =>
        ShouldCatch(new LokiClusterOptions { FrontendFaults = FrontendFaults.MetricSamplesMissRange }, "wrong-series");

    private static void ShouldCatch(LokiClusterOptions options, string kind)
    {
        var outcome = PropertyRunner.Run(MetricQueryProperties.MetricQueriesMatchTheEvaluator(options), new CheckContext(PlacementTarget.Reference, null, MaxTest: TestBudget.MaxTestOr(100)));
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain(kind, Case.Sensitive, outcome.Detail);
    }
}
