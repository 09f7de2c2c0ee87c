using System.Collections.Immutable;
using System.Globalization;
using Shouldly;
using Verified.Conformance.Durability;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Query.Tests.Metric;

/// <summary>Metric queries through the cluster: frontend splits, scheduler, querier, merge; Loki's errors.</summary>
public sealed class MetricClusterTests
{
    private const long S = 1_000_000_000L;
    private const long M = 60 * S;
    private const long H = 60 * M;
    private const string Labels = "{app=\"a\", service_name=\"a\"}";

    [Fact]
    public void CountOverTime_AcrossSplitBoundaries_MatchesTheEvaluatorAtAlignedSteps()
    {
        var (harness, entries) = Pushed("tenant-a");
        var now = harness.NowNs;
        var request = new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[30m])", now - (3 * H) + (5 * S), now, 7 * M);
        var response = Run(harness.Cluster, request);
        response.StatusCode.ShouldBe(200, response.Error);
        response.Splits.ShouldBeGreaterThan(1);
        var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
        var expected = MetricEvaluator.Evaluate(request.Query, [Stream(entries)], MetricQuery.Range(start, end, request.StepNs));
        Points(response.Result!).ShouldBe(Points(expected));
        expected.Series.Single().Points.Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void SumWithOffset_AfterFlushAndHoursLater_MatchesTheEvaluator()
    {
        var (harness, entries) = Pushed("tenant-a");
        Sync(() => harness.Cluster.FlushAllAsync());
        harness.Advance(TimeSpan.FromHours(4)); // past query_ingesters_within
        var now = harness.NowNs;
        var request = new MetricRequest("tenant-a", "sum by (app) (bytes_rate({app=\"a\"}[1h] offset 10m))", now - (7 * H), now, 25 * M, Direction.Forward);
        var response = Run(harness.Cluster, request);
        response.StatusCode.ShouldBe(200, response.Error);
        var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
        Points(response.Result!).ShouldBe(Points(MetricEvaluator.Evaluate(request.Query, [Stream(entries)], MetricQuery.Range(start, end, request.StepNs))));
    }

    [Fact]
    public void InstantQuery_IsOneVectorAtItsTime()
    {
        var (harness, entries) = Pushed("tenant-a");
        var response = Run(harness.Cluster, MetricRequest.Instant("tenant-a", "count_over_time({app=\"a\"}[1h])", harness.NowNs));
        response.StatusCode.ShouldBe(200, response.Error);
        response.Result!.IsVector.ShouldBeTrue();
        response.Result.Series.Single().Points.Single().Value.ShouldBe(entries.Count(e => e.TimestampNs > harness.NowNs - H));
    }

    [Fact]
    public void MetricQuery_NeverSeesAnotherTenantsStreams()
    {
        var (harness, entries) = Pushed("tenant-a");
        PushAll(harness, "tenant-b", [new LogEntry(harness.NowNs - M, "other tenant")]);
        var b = Run(harness.Cluster, MetricRequest.Instant("tenant-b", "count_over_time({app=\"a\"}[3h])", harness.NowNs));
        b.Result!.Series.Single().Points.Single().Value.ShouldBe(1);
        var a = Run(harness.Cluster, MetricRequest.Instant("tenant-a", "count_over_time({app=\"a\"}[3h])", harness.NowNs));
        a.Result!.Series.Single().Points.Single().Value.ShouldBe(entries.Length);
        Run(harness.Cluster, MetricRequest.Instant("tenant-c", "count_over_time({app=\"a\"}[3h])", harness.NowNs)).Result!.Series.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0L, H, 0L, 100, MetricQueryErrors.ZeroOrNegativeStep)]
    [InlineData(0L, H, -S, 100, MetricQueryErrors.ZeroOrNegativeStep)]
    [InlineData(0L, 11_001 * S, S, 100, MetricQueryErrors.TooManyPoints)]
    [InlineData(H, 0L, S, 100, MetricQueryErrors.EndBeforeStart)]
    [InlineData(0L, H, S, 0, "limit must be a positive value")]
    public void BadParameters_Get400WithLokisText(long start, long end, long step, int limit, string error)
    {
        var response = Run(new WritePathHarness(new LokiClusterOptions(), 1).Cluster, new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[1m])", start, end, step, Limit: limit));
        response.StatusCode.ShouldBe(400);
        response.Error.ShouldBe(error);
    }

    [Fact]
    public void ExactlyElevenThousandPoints_IsAccepted() =>
        Run(new WritePathHarness(new LokiClusterOptions(), 1).Cluster, new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[1m])", 0, 11_000 * S, S)).StatusCode.ShouldBe(200);

    [Fact]
    public void LogQueryAsInstant_Gets400WithLokisText()
    {
        var response = Run(new WritePathHarness(new LokiClusterOptions(), 1).Cluster, MetricRequest.Instant("tenant-a", Labels, 0));
        (response.StatusCode, response.Error).ShouldBe((400, MetricQueryErrors.LogQueryAsInstant));
    }

    [Fact]
    public void MalformedQuery_Gets400WithTheParseError()
    {
        var response = Run(new WritePathHarness(new LokiClusterOptions(), 1).Cluster, new MetricRequest("tenant-a", "count_over_time({app=\"a\"})", 0, H, M));
        response.StatusCode.ShouldBe(400);
        response.Error.ShouldStartWith("parse error");
    }

    [Fact]
    public void QueryLongerThanMaxQueryLength_Gets400()
    {
        var response = Run(new WritePathHarness(new LokiClusterOptions(), 1).Cluster, new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[1m])", 0, 722 * H, H));
        response.StatusCode.ShouldBe(400);
        response.Error.ShouldBe("the query time range exceeds the limit (query length: 722h0m0s, limit: 30d1h)");
    }

    [Fact]
    public void SamplesSelectedWithoutTheRange_IsCaught()
    {
        // Seeded bug: each piece reads from its first step, so windows at the start of every piece lose entries.
        var options = new LokiClusterOptions { FrontendFaults = FrontendFaults.MetricSamplesMissRange };
        var (harness, entries) = Pushed("tenant-a", options);
        var now = harness.NowNs;
        var request = new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[30m])", now - (3 * H), now, 7 * M);
        var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
        var expected = MetricEvaluator.Evaluate(request.Query, [Stream(entries)], MetricQuery.Range(start, end, request.StepNs));
        Points(Run(harness.Cluster, request).Result!).ShouldNotBe(Points(expected));
    }

    [Fact]
    public void SplitsSkippingTheirBoundaryStep_IsCaught()
    {
        var options = new LokiClusterOptions { FrontendFaults = FrontendFaults.MetricSplitsSkipBoundaryStep };
        var (harness, entries) = Pushed("tenant-a", options);
        var now = harness.NowNs;
        var request = new MetricRequest("tenant-a", "count_over_time({app=\"a\"}[30m])", now - (3 * H), now, 7 * M);
        var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
        var expected = MetricEvaluator.Evaluate(request.Query, [Stream(entries)], MetricQuery.Range(start, end, request.StepNs));
        Points(Run(harness.Cluster, request).Result!).ShouldNotBe(Points(expected));
    }

    // Entries every 10 minutes over the last 3 hours, acknowledged.
    private static (WritePathHarness Harness, ImmutableArray<LogEntry> Entries) Pushed(string tenant, LokiClusterOptions? options = null)
    {
        var harness = new WritePathHarness(options ?? new LokiClusterOptions(), 7);
        harness.Advance(TimeSpan.FromHours(3));
        var now = harness.NowNs;
        ImmutableArray<LogEntry> entries = [.. Enumerable.Range(0, 18).Select(i => new LogEntry(now - (3 * H) + (i * 10 * M) + S, $"line {i} {new string('x', i)}"))];
        PushAll(harness, tenant, entries);
        return (harness, entries);
    }

    private static void PushAll(WritePathHarness harness, string tenant, ImmutableArray<LogEntry> entries)
    {
        var result = Sync(() => harness.Cluster.PushAsync(new PushRequest(tenant, [new PushStream(Labels, entries)])));
        result.Response.StatusCode.ShouldBe(204, result.Response.Body);
    }

    private static LogStream Stream(ImmutableArray<LogEntry> entries) => new(new LabelSet([new Label("app", "a"), new Label("service_name", "a")]), entries);

    private static List<string> Points(MetricResult result) =>
        [.. result.Series.Select(s => MetricMerge.SeriesKey(s.Metric) + ": " + string.Join(" ", s.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.TimestampMs}={p.Value}"))))];

    private static MetricResponse Run(LokiCluster cluster, MetricRequest request) => Sync(() => cluster.QueryMetricAsync(request));

    private static T Sync<T>(Func<Task<T>> action) => Task.Run(action).GetAwaiter().GetResult();

    private static void Sync(Func<Task> action) => Task.Run(action).GetAwaiter().GetResult();
}
