using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Evaluates metric queries over in-memory streams the way Loki's engine does (loki pkg/logql/engine.go,
/// evaluator.go, range_vector.go). Supported: <c>count_over_time</c>, <c>rate</c>, <c>bytes_over_time</c>,
/// <c>bytes_rate</c> over a log range with <c>offset</c>; <c>sum avg min max count topk</c> with <c>by</c>/<c>without</c>.
/// Anything else throws <see cref="LogQLNotSupportedException"/>.
/// </summary>
public static partial class MetricEvaluator
{
    /// <summary>Parses and evaluates <paramref name="query"/>.</summary>
    public static MetricResult Evaluate(string query, IReadOnlyList<LogStream> streams, MetricQuery at) =>
        LogQLParser.Parse(query) is SampleExpr expr
            ? Evaluate(expr, streams, at)
            : throw new ArgumentException("log queries are not supported as an instant query type, please change your query to a range query type", nameof(query));

    /// <summary>Evaluates <paramref name="expr"/> at every step of <paramref name="at"/>.</summary>
    /// <exception cref="LogQLNotSupportedException">The expression is outside the implemented subset.</exception>
    /// <exception cref="LogQLPipelineException">A sample in some evaluated window carries <c>__error__</c>.</exception>
    public static MetricResult Evaluate(SampleExpr expr, IReadOnlyList<LogStream> streams, MetricQuery at) =>
        Evaluate(expr, streams, at, EvalFaults.None);

    internal static MetricResult Evaluate(SampleExpr expr, IReadOnlyList<LogStream> streams, MetricQuery at, EvalFaults faults)
    {
        at.Validate();
        var node = Compile(expr, faults);
        var steps = node.Run(streams, at);
        return Assemble(steps, at.IsInstant);
    }

    /// <summary>The step times of <paramref name="at"/>, in nanoseconds (step 0 is forced to 1 ns, as in Loki).</summary>
    internal static IEnumerable<long> StepTimes(MetricQuery at)
    {
        var step = at.StepNs == 0 ? 1 : at.StepNs;
        for (var t = at.StartNs; t <= at.EndNs; t += step)
        {
            yield return t;
            if (t > long.MaxValue - step)
            {
                yield break;
            }
        }
    }

    private static StepNode Compile(SampleExpr expr, EvalFaults faults) => expr switch
    {
        RangeAggregationExpr r => RangeNode.Create(r, null, faults),
        VectorAggregationExpr v => VectorNode.Create(v, faults),
        _ => throw new LogQLNotSupportedException(expr switch
        {
            BinOpExpr b => "binary operation " + b.Operation,
            LiteralExpr => "literal as a metric query",
            VectorExpr => "vector()",
            LabelReplaceExpr => "label_replace",
            _ => expr.GetType().Name,
        }),
    };

    // engine.go JoinSampleVector: a range query becomes a matrix sorted by labels (promql.Matrix sort); an instant
    // query's vector is sorted by labels too unless it contains sort/sort_desc (not implemented here).
    private static MetricResult Assemble(List<StepVector> steps, bool instant)
    {
        var bySeries = new Dictionary<LabelSet, ImmutableArray<SamplePoint>.Builder>();
        foreach (var step in steps)
        {
            foreach (var sample in step.Samples)
            {
                if (!bySeries.TryGetValue(sample.Metric, out var points))
                {
                    points = ImmutableArray.CreateBuilder<SamplePoint>();
                    bySeries[sample.Metric] = points;
                }

                points.Add(new SamplePoint(step.TimestampMs, sample.Value));
            }
        }

        var series = bySeries.Select(kv => new SampleSeries(kv.Key, kv.Value.ToImmutable()))
            .OrderBy(s => s.Metric, PromLabelsComparer.Instance)
            .ToImmutableArray();
        return new MetricResult(instant, series);
    }

    internal readonly record struct Sample(LabelSet Metric, double Value);

    internal sealed record StepVector(long TimestampMs, List<Sample> Samples);

    internal abstract class StepNode
    {
        public abstract List<StepVector> Run(IReadOnlyList<LogStream> streams, MetricQuery at);
    }
}
