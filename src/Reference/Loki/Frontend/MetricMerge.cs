using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// The frontend's merge of split matrices (loki pkg/querier/queryrange/codec.go <c>MergeResponse</c> →
/// queryrangebase/query_range.go <c>prometheusCodec.MergeResponse</c>, <c>matrixMerge</c>): answers ordered by the first
/// sample of their first series (an empty answer first); per series, keyed by its Prometheus label string, points are
/// appended, dropping any point not newer than the last one kept ("we don't repeat samples"); series sorted by that
/// label string, bytewise.
/// </summary>
public static class MetricMerge
{
    /// <summary>Merges the matrices of the pieces of one range query.</summary>
    public static MetricResult Merge(IReadOnlyList<MetricResult> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var merged = new Dictionary<string, (LabelSet Metric, ImmutableArray<SamplePoint>.Builder Points)>(StringComparer.Ordinal);
        foreach (var answer in answers.OrderBy(FirstTime))
        {
            foreach (var series in answer.Series)
            {
                var key = SeriesKey(series.Metric);
                if (!merged.TryGetValue(key, out var existing))
                {
                    existing = (series.Metric, ImmutableArray.CreateBuilder<SamplePoint>());
                    merged.Add(key, existing);
                }

                var lastKept = existing.Points.Count == 0 ? long.MinValue : existing.Points[^1].TimestampMs;
                existing.Points.AddRange(series.Points.Where(p => p.TimestampMs > lastKept));
            }
        }

        return new MetricResult(false, [.. merged.OrderBy(kv => kv.Key, Utf8Order.Instance).Select(kv => new SampleSeries(kv.Value.Metric, kv.Value.Points.ToImmutable()))]);
    }

    /// <summary>The Prometheus label string the merge keys and sorts series by (labels.Labels.String()).</summary>
    public static string SeriesKey(LabelSet metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.ToString();
    }

    private static long FirstTime(MetricResult answer) =>
        answer.Series.Length == 0 || answer.Series[0].Points.Length == 0 ? -1 : answer.Series[0].Points[0].TimestampMs;
}
