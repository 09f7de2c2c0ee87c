using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <content>Range aggregations over a log range.</content>
public static partial class MetricEvaluator
{
    /// <summary>
    /// A range aggregation. Window semantics (loki pkg/logql/range_vector.go, evaluator.go):
    /// <list type="bullet">
    /// <item>at step <c>t</c> the window is <c>(t − offset − range, t − offset]</c>: the lower bound is exclusive
    /// ("the lower bound of the range is not inclusive", load/popBack use <c>≤ start</c>), the upper inclusive (the
    /// querier is asked for <c>[start − range − offset, end − offset + 1ns)</c>, "range iterators work on start
    /// exclusive, end inclusive ranges");</item>
    /// <item>the sample time is <c>(t − offset)/1e6 + offset/1e6</c> ms, each division truncating (Go int64), so
    /// offset moves the window, not the reported timestamp;</item>
    /// <item>a series is present at a step only if its window holds at least one sample;</item>
    /// <item><c>rate = count / range.Seconds()</c>, <c>bytes_rate = Σ bytes / range.Seconds()</c> — the range, never
    /// the step; bytes are <c>len(line)</c> in UTF-8 bytes (metrics_extraction.go BytesExtractor);</item>
    /// <item>series are keyed by the labels after the pipeline (stream labels, structured metadata, extracted labels);
    /// under <c>sum</c> the grouping is pushed into extraction (ast.go canInjectVectorGrouping, labels.go
    /// GroupedLabels), except for samples carrying <c>__error__</c>, which keep all labels;</item>
    /// <item>any sample in an evaluated window with <c>__error__</c> fails the query (RangeVectorEvaluator.Next).</item>
    /// </list>
    /// </summary>
    internal sealed class RangeNode : StepNode
    {
        private static readonly HashSet<string> Supported = new(StringComparer.Ordinal) { "count_over_time", "rate", "bytes_over_time", "bytes_rate" };

        private readonly RangeAggregationExpr _expr;
        private readonly LogPipeline _pipeline;
        private readonly Grouping? _pushdown;
        private readonly string[] _pushdownGroups;
        private readonly EvalFaults _faults;

        private RangeNode(RangeAggregationExpr expr, LogPipeline pipeline, Grouping? pushdown, EvalFaults faults)
        {
            _expr = expr;
            _pipeline = pipeline;
            _pushdown = pushdown;
            _pushdownGroups = pushdown is null ? [] : [.. pushdown.Groups];
            _faults = faults;
        }

        /// <summary>Whether <c>sum</c> pushes its grouping into this range aggregation (ast.go canInjectVectorGrouping).</summary>
        public static bool CanInject(RangeAggregationExpr r) => Supported.Contains(r.Operation) && r.Grouping is null && r.Left.Unwrap is null;

        public static RangeNode Create(RangeAggregationExpr expr, Grouping? pushdown, EvalFaults faults)
        {
            if (!Supported.Contains(expr.Operation))
            {
                throw new LogQLNotSupportedException(expr.Operation);
            }

            if (expr.Left.Unwrap is not null)
            {
                throw new LogQLNotSupportedException("unwrap");
            }

            if (expr.Grouping is not null)
            {
                throw new LogQLNotSupportedException($"grouping on {expr.Operation}");
            }

            var singleton = pushdown is { Without: false, Groups.Count: 0 };
            return new RangeNode(expr, LogPipeline.Compile(expr.Left.Left, singleton, faults), pushdown, faults);
        }

        public override List<StepVector> Run(IReadOnlyList<LogStream> streams, MetricQuery at)
        {
            var range = _expr.Left.IntervalNs;
            var offset = (_faults & EvalFaults.OffsetSignFlipped) != 0 ? -_expr.Left.OffsetNs : _expr.Left.OffsetNs;
            var series = Collect(streams, at.StartNs - range - offset, at.EndNs - offset);
            var result = new List<StepVector>();
            foreach (var t in StepTimes(at))
            {
                var windowEnd = t - offset;
                var windowStart = windowEnd - range;
                var vector = new List<Sample>();
                foreach (var (metric, points) in series)
                {
                    var count = 0;
                    var sum = 0.0;
                    foreach (var (ts, value) in points)
                    {
                        if (InWindow(ts, windowStart, windowEnd))
                        {
                            count++;
                            sum += value;
                        }
                    }

                    if (count == 0)
                    {
                        continue;
                    }

                    if (metric.Get(LabelsBuilder.ErrorLabel) is not null && metric.Get(LabelsBuilder.PreserveErrorLabel) != "true")
                    {
                        throw new LogQLPipelineException(metric);
                    }

                    vector.Add(new Sample(metric, Aggregate(count, sum, at)));
                }

                result.Add(new StepVector((windowEnd / 1_000_000) + (offset / 1_000_000), vector));
            }

            return result;
        }

        private bool InWindow(long ts, long start, long end) =>
            (_faults & EvalFaults.WindowClosedOnWrongSide) != 0 ? ts >= start && ts < end : ts > start && ts <= end;

        private double Aggregate(int count, double sum, MetricQuery at)
        {
            var seconds = GoSeconds((_faults & EvalFaults.RateDividesByStep) != 0 ? Math.Max(at.StepNs, 1) : _expr.Left.IntervalNs);
            return _expr.Operation switch
            {
                "count_over_time" => count,
                "rate" => count / seconds,
                "bytes_over_time" => sum,
                _ => sum / seconds,
            };
        }

        /// <summary>Go's time.Duration.Seconds(): whole seconds plus the nanosecond remainder / 1e9.</summary>
        internal static double GoSeconds(long ns) => (ns / 1_000_000_000) + ((ns % 1_000_000_000) / 1e9);

        // Samples of the fetched interval [lo, hi] (the querier's [start, end+1ns)), keyed and sorted by labels, each
        // series in timestamp order (stable for equal timestamps).
        private SortedDictionary<LabelSet, List<(long Ts, double Value)>> Collect(IReadOnlyList<LogStream> streams, long lo, long hi)
        {
            var series = new SortedDictionary<LabelSet, List<(long Ts, double Value)>>(PromLabelsComparer.Instance);
            var bytes = _expr.Operation is "bytes_over_time" or "bytes_rate";
            foreach (var stream in streams)
            {
                if (!_pipeline.Selects(stream.Labels))
                {
                    continue;
                }

                foreach (var entry in stream.Entries)
                {
                    if (entry.TimestampNs < lo || entry.TimestampNs > hi)
                    {
                        continue;
                    }

                    var processed = _pipeline.Process(stream.Labels, entry);
                    if (!processed.Keep)
                    {
                        continue;
                    }

                    var metric = Group(processed.Labels);
                    double value = !bytes ? 1 : (_faults & EvalFaults.BytesCountUtf16) != 0 ? processed.Line.Length : Encoding.UTF8.GetByteCount(processed.Line);
                    if (!series.TryGetValue(metric, out var points))
                    {
                        points = [];
                        series[metric] = points;
                    }

                    points.Add((entry.TimestampNs, value));
                }
            }

            foreach (var points in series.Values)
            {
                var sorted = points.OrderBy(p => p.Ts).ToList();
                points.Clear();
                points.AddRange(sorted);
            }

            return series;
        }

        // labels.go GroupedLabels: errors keep every label; otherwise the pushed-down grouping applies.
        private LabelSet Group(LabelSet labels)
        {
            if (_pushdown is null || labels.Has(LabelsBuilder.ErrorLabel))
            {
                return labels;
            }

            if (!_pushdown.Without && _pushdownGroups.Length == 0)
            {
                return LabelSet.Empty;
            }

            return new LabelSet(labels.Where(l => _pushdownGroups.Contains(l.Name, StringComparer.Ordinal) != _pushdown.Without));
        }
    }
}
