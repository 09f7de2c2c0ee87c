using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using static Verified.LogQL.Tests.Eval.EvalFixtures;

namespace Verified.LogQL.Tests.Eval;

/// <summary>Examples for <see cref="MetricEvaluator"/> (issue 4): each operator, window edges, offset, grouping, topk.</summary>
public sealed class MetricEvaluatorTests
{
    private static readonly LogStream Api = Stream(Labels(("app", "api"), ("env", "prod")), (10 * Second, "a"), (20 * Second, "bb"), (25 * Second, "ccc"));
    private static readonly LogStream Web = Stream(Labels(("app", "web"), ("env", "prod")), (20 * Second, "é"));
    private static readonly LogStream Dev = Stream(Labels(("app", "api"), ("env", "dev")), (15 * Second, "x"), (20 * Second, "y"));
    private static readonly LogStream[] All = [Api, Web, Dev];

    private static MetricResult Instant(string query, long atNs, params LogStream[] streams) => MetricEvaluator.Evaluate(query, streams, MetricQuery.Instant(atNs));

    private static string Render(MetricResult result) =>
        string.Join(" ", result.Series.Select(s => Show(s.Metric) + "=" + string.Join(",", s.Points.Select(p => $"{p.TimestampMs}:{p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))));

    [Fact]
    public void CountOverTime_WindowIsOpenAtStartAndClosedAtEnd()
    {
        // Window at t=20s with range 10s is (10s, 20s]: the entry at 10s is out, the one at 20s is in; one ns
        // earlier the window (10s−1ns, 20s−1ns] holds only the 10s entry; at 30s, (20s, 30s] holds only 25s.
        Render(Instant("count_over_time({app=\"api\", env=\"prod\"}[10s])", 20 * Second, Api)).ShouldBe("{app=\"api\", env=\"prod\"}=20000:1");
        Render(Instant("count_over_time({app=\"api\", env=\"prod\"}[10s])", (20 * Second) - 1, Api)).ShouldBe("{app=\"api\", env=\"prod\"}=19999:1");
        Render(Instant("count_over_time({app=\"api\", env=\"prod\"}[10s])", 30 * Second, Api)).ShouldBe("{app=\"api\", env=\"prod\"}=30000:1");
    }

    [Fact]
    public void EmptyWindow_ProducesNoSeries() =>
        Instant("count_over_time({app=\"api\"}[5s])", 9 * Second, All).Series.ShouldBeEmpty();

    [Fact]
    public void Rate_DividesByTheRangeInSeconds() =>
        Render(Instant("rate({app=\"api\", env=\"prod\"}[4s])", 25 * Second, Api)).ShouldBe("{app=\"api\", env=\"prod\"}=25000:0.25");

    [Fact]
    public void BytesOverTime_CountsUtf8Bytes()
    {
        Render(Instant("bytes_over_time({app=\"web\"}[1m])", 30 * Second, All)).ShouldBe("{app=\"web\", env=\"prod\"}=30000:2");
        Render(Instant("bytes_over_time({app=\"api\", env=\"prod\"}[1m])", 30 * Second, All)).ShouldBe("{app=\"api\", env=\"prod\"}=30000:6");
    }

    [Fact]
    public void BytesRate_DividesBytesByRange() =>
        Render(Instant("bytes_rate({app=\"api\", env=\"prod\"}[2s])", 25 * Second, All)).ShouldBe("{app=\"api\", env=\"prod\"}=25000:1.5");

    [Fact]
    public void Offset_ShiftsTheWindowButNotTheTimestamp()
    {
        // At t=30s with offset 10s the window is (15s, 20s]; the sample is reported at 30s.
        Render(Instant("count_over_time({app=\"api\"}[5s] offset 10s)", 30 * Second, All))
            .ShouldBe("{app=\"api\", env=\"dev\"}=30000:1 {app=\"api\", env=\"prod\"}=30000:1");
    }

    [Fact]
    public void RangeQuery_StepsFromStartToEndInclusive_WithoutAlignment()
    {
        var result = MetricEvaluator.Evaluate("count_over_time({app=\"api\", env=\"prod\"}[5s])", All, MetricQuery.Range(11 * Second, 26 * Second, 5 * Second));
        result.IsVector.ShouldBeFalse();
        Render(result).ShouldBe("{app=\"api\", env=\"prod\"}=11000:1,21000:1,26000:1");
    }

    [Fact]
    public void SumBy_GroupsOnTheNamedLabels() =>
        Render(Instant("sum by (env) (count_over_time({app=~\".+\"}[1m]))", 30 * Second, All)).ShouldBe("{env=\"dev\"}=30000:2 {env=\"prod\"}=30000:4");

    [Fact]
    public void SumWithout_DropsTheNamedLabels() =>
        Render(Instant("sum without (env) (count_over_time({app=~\".+\"}[1m]))", 30 * Second, All)).ShouldBe("{app=\"api\"}=30000:5 {app=\"web\"}=30000:1");

    [Fact]
    public void SumWithoutGrouping_YieldsEmptyLabels() =>
        Render(Instant("sum(count_over_time({app=~\".+\"}[1m]))", 30 * Second, All)).ShouldBe("{}=30000:6");

    [Theory]
    [InlineData("avg", "{env=\"dev\"}=30000:2 {env=\"prod\"}=30000:2")]
    [InlineData("min", "{env=\"dev\"}=30000:2 {env=\"prod\"}=30000:1")]
    [InlineData("max", "{env=\"dev\"}=30000:2 {env=\"prod\"}=30000:3")]
    [InlineData("count", "{env=\"dev\"}=30000:1 {env=\"prod\"}=30000:2")]
    public void VectorAggregations_OverCounts(string op, string expected) =>
        Render(Instant(op + " by (env) (count_over_time({app=~\".+\"}[1m]))", 30 * Second, All)).ShouldBe(expected);

    [Fact]
    public void Topk_KeepsTheLargestPerGroup_WithTheirOwnLabels()
    {
        Render(Instant("topk(1, count_over_time({app=~\".+\"}[1m]))", 30 * Second, All)).ShouldBe("{app=\"api\", env=\"prod\"}=30000:3");
        Render(Instant("topk by (env) (1, count_over_time({app=~\".+\"}[1m]))", 30 * Second, All))
            .ShouldBe("{app=\"api\", env=\"dev\"}=30000:2 {app=\"api\", env=\"prod\"}=30000:3");
        // The parser rejects topk(0); the evaluator still answers an AST with k < 1 with an empty vector, as Loki does.
        var zero = (VectorAggregationExpr)LogQLParser.Parse("topk(1, count_over_time({app=~\".+\"}[1m]))") with { Parameter = 0 };
        MetricEvaluator.Evaluate(zero, All, MetricQuery.Instant(30 * Second)).Series.ShouldBeEmpty();
    }

    [Fact]
    public void Topk_Ties_KeepTheEarliestInLabelOrder() =>
        Render(Instant("topk(1, count_over_time({env=\"prod\"}[1s]))", 20 * Second, All)).ShouldBe("{app=\"api\", env=\"prod\"}=20000:1");

    [Fact]
    public void ExtractedLabels_BecomeSeriesLabels()
    {
        var s = Stream(Labels(("app", "x")), (1 * Second, "level=info"), (2 * Second, "level=error"), (3 * Second, "level=error"));
        Render(Instant("count_over_time({app=\"x\"} | logfmt [1m])", 5 * Second, s))
            .ShouldBe("{app=\"x\", level=\"error\"}=5000:2 {app=\"x\", level=\"info\"}=5000:1");
        Render(Instant("sum by (level) (count_over_time({app=\"x\"} | logfmt | level=\"error\" [1m]))", 5 * Second, s)).ShouldBe("{level=\"error\"}=5000:2");
    }

    [Fact]
    public void ParserError_InAWindow_FailsTheMetricQueryWithLokisText()
    {
        var s = Stream(Labels(("app", "x")), (1 * Second, "not json"));
        var error = Should.Throw<LogQLPipelineException>(() => Instant("count_over_time({app=\"x\"} | json [1m])", 5 * Second, s));
        error.ErrorType.ShouldBe("JSONParserErr");
        error.Message.ShouldStartWith("pipeline error: 'JSONParserErr' for series: '{__error__=\"JSONParserErr\", __error_details__=");
        error.Message.ShouldContain("Use a label filter to intentionally skip this error. (e.g | __error__!=\"JSONParserErr\").\n");
    }

    [Fact]
    public void ParserError_IsSkippedWithAnErrorFilter_OrWhenSumNeedsNoLabels()
    {
        var s = Stream(Labels(("app", "x")), (1 * Second, "not json"));
        Instant("count_over_time({app=\"x\"} | json | __error__=\"\" [1m])", 5 * Second, s).Series.ShouldBeEmpty();
        Render(Instant("sum(count_over_time({app=\"x\"} | json [1m]))", 5 * Second, s)).ShouldBe("{}=5000:1");
        Should.Throw<LogQLPipelineException>(() => Instant("sum by (app) (count_over_time({app=\"x\"} | json [1m]))", 5 * Second, s));
    }

    [Fact]
    public void ParserError_OutsideEveryWindow_DoesNotFailTheQuery()
    {
        var s = Stream(Labels(("app", "x")), (1 * Second, "not json"), (50 * Second, "{}"));
        Render(Instant("count_over_time({app=\"x\"} | json [10s])", 55 * Second, s)).ShouldBe("{app=\"x\"}=55000:1");
    }

    [Theory]
    [InlineData("sum_over_time({a=\"b\"} | unwrap x [1m])", "sum_over_time")]
    [InlineData("count_over_time({a=\"b\"}[1m]) > 1", "binary operation >")]
    [InlineData("stddev(count_over_time({a=\"b\"}[1m]))", "stddev")]
    [InlineData("label_replace(count_over_time({a=\"b\"}[1m]), \"x\", \"$1\", \"a\", \"(.*)\")", "label_replace")]
    public void UnsupportedMetricQuery_ThrowsNotSupported(string query, string construct) =>
        Should.Throw<LogQLNotSupportedException>(() => Instant(query, Second)).Construct.ShouldBe(construct);

    [Fact]
    public void BadQueryParameters_AreRejectedByName()
    {
        Should.Throw<ArgumentException>(() => MetricEvaluator.Evaluate("count_over_time({a=\"b\"}[1m])", All, MetricQuery.Range(0, 10, 0))).Message.ShouldContain("positive step");
        Should.Throw<ArgumentException>(() => MetricEvaluator.Evaluate("count_over_time({a=\"b\"}[1m])", All, MetricQuery.Range(10, 0, 1))).Message.ShouldContain("before start");
    }

    [Fact]
    public void GoSeconds_MatchesGoDurationSeconds() =>
        MetricEvaluator.RangeNode.GoSeconds(1_500_000_000).ShouldBe(1.5);
}
