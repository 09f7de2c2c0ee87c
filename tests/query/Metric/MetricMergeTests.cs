using Shouldly;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;
using Xunit;

namespace Verified.Query.Tests.Metric;

/// <summary>The split merge (loki queryrangebase/query_range.go matrixMerge).</summary>
public sealed class MetricMergeTests
{
    private static readonly LabelSet A = new([new Label("a", "x")]);
    private static readonly LabelSet A0 = new([new Label("a0", "y")]);

    [Fact]
    public void OverlappingPoints_AreDroppedFromTheLaterAnswer()
    {
        var merged = MetricMerge.Merge([Matrix(Series(A, (0, 1), (10, 2))), Matrix(Series(A, (10, 9), (20, 3)))]);
        merged.Series.Single().Points.ShouldBe([new SamplePoint(0, 1), new SamplePoint(10, 2), new SamplePoint(20, 3)]);
    }

    [Fact]
    public void Answers_AreMergedInTimeOrder_WhateverOrderTheyArrive()
    {
        var merged = MetricMerge.Merge([Matrix(Series(A, (20, 3))), Matrix(), Matrix(Series(A, (0, 1)))]);
        merged.Series.Single().Points.Select(p => p.TimestampMs).ShouldBe([0L, 20L]);
    }

    [Fact]
    public void Series_AreSortedByTheirLabelString_NotByLabelCompare()
    {
        // labels.Compare puts {a} before {a0}; the string "{a0=…" sorts before "{a=…" ('0' < '=').
        PromLabelsComparer.Instance.Compare(A, A0).ShouldBeLessThan(0);
        var merged = MetricMerge.Merge([Matrix(Series(A, (0, 1)), Series(A0, (0, 1))), Matrix(Series(A, (10, 1)))]);
        merged.Series.Select(s => MetricMerge.SeriesKey(s.Metric)).ShouldBe(["{a0=\"y\"}", "{a=\"x\"}"]);
    }

    private static MetricResult Matrix(params SampleSeries[] series) => new(false, [.. series]);

    private static SampleSeries Series(LabelSet metric, params (long Ts, double V)[] points) =>
        new(metric, [.. points.Select(p => new SamplePoint(p.Ts, p.V))]);
}
