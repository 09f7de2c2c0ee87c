using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>One sample: a millisecond timestamp (Loki's sample time unit) and a value.</summary>
/// <param name="TimestampMs">Unix milliseconds.</param>
/// <param name="Value">The value.</param>
public readonly record struct SamplePoint(long TimestampMs, double Value);

/// <summary>One result series: its labels and its points in time order (one point for an instant query).</summary>
/// <param name="Metric">The labels, sorted by name.</param>
/// <param name="Points">The points.</param>
public sealed record SampleSeries(LabelSet Metric, ImmutableArray<SamplePoint> Points);

/// <summary>A metric query's answer: a vector (instant query) or a matrix (range query); series sorted by labels.</summary>
/// <param name="IsVector">True for an instant query's vector.</param>
/// <param name="Series">The series, sorted by Prometheus labels.Compare.</param>
public sealed record MetricResult(bool IsVector, ImmutableArray<SampleSeries> Series);
