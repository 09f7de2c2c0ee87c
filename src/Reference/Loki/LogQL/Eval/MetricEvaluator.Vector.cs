using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <content>Vector aggregations.</content>
public static partial class MetricEvaluator
{
    /// <summary>
    /// A vector aggregation, per step (loki pkg/logql/evaluator.go VectorAggEvaluator.Next):
    /// <list type="bullet">
    /// <item><c>by (g…)</c> keeps the sample's labels named in the groups; <c>without (g…)</c> drops them and
    /// <c>__name__</c>; no grouping yields <c>{}</c>;</item>
    /// <item>sum adds in input order; avg is the running mean <c>mean += (x − mean)/n</c> with Loki's infinity guards;
    /// min/max replace on <c>&lt;</c>/<c>&gt;</c> or when the current value is NaN; count counts;</item>
    /// <item>topk keeps, per group, a min-heap of size k (Go container/heap, Less = NaN first, then <c>&lt;</c>); a sample
    /// enters when the heap is not full or beats the heap's top strictly (or the top is NaN); the kept samples keep
    /// their own labels; <c>k &lt; 1</c> yields an empty vector.</item>
    /// </list>
    /// Loki feeds each step's samples in Go map order, so which of several equal values topk keeps is random there;
    /// here every step vector is in label order, so the earliest by labels wins.
    /// </summary>
    internal sealed class VectorNode : StepNode
    {
        private static readonly HashSet<string> Supported = new(StringComparer.Ordinal) { "sum", "avg", "min", "max", "count", "topk" };

        private readonly VectorAggregationExpr _expr;
        private readonly StepNode _child;
        private readonly string[] _groups;
        private readonly bool _without;
        private readonly EvalFaults _faults;

        private VectorNode(VectorAggregationExpr expr, StepNode child, EvalFaults faults)
        {
            _expr = expr;
            _child = child;
            _groups = [.. expr.Grouping.Groups];
            _without = expr.Grouping.Without && (faults & EvalFaults.WithoutActsAsBy) == 0;
            _faults = faults;
        }

        public static VectorNode Create(VectorAggregationExpr expr, EvalFaults faults)
        {
            if (!Supported.Contains(expr.Operation))
            {
                throw new LogQLNotSupportedException(expr.Operation);
            }

            var child = expr.Operation == "sum" && expr.Left is RangeAggregationExpr r && RangeNode.CanInject(r)
                ? RangeNode.Create(r, expr.Grouping, faults)
                : Compile(expr.Left, faults);
            return new VectorNode(expr, child, faults);
        }

        public override List<StepVector> Run(IReadOnlyList<LogStream> streams, MetricQuery at) =>
            [.. _child.Run(streams, at).Select(step => new StepVector(step.TimestampMs, Aggregate(step.Samples)))];

        private List<Sample> Aggregate(List<Sample> input)
        {
            if (_expr.Operation == "topk" && _expr.Parameter < 1)
            {
                return [];
            }

            var groups = new Dictionary<LabelSet, Group>();
            var order = new List<LabelSet>();
            foreach (var sample in input)
            {
                var key = GroupLabels(sample.Metric);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new Group(sample.Value);
                    if (_expr.Operation == "topk")
                    {
                        group.Heap = new TopkHeap();
                        group.Heap.Push(sample, Score(sample.Value));
                    }

                    groups[key] = group;
                    order.Add(key);
                    continue;
                }

                Add(group, sample);
            }

            var output = new List<Sample>();
            foreach (var key in order)
            {
                var group = groups[key];
                switch (_expr.Operation)
                {
                    case "topk":
                        output.AddRange(group.Heap!.Items);
                        break;
                    case "avg":
                        output.Add(new Sample(key, group.Mean));
                        break;
                    case "count":
                        output.Add(new Sample(key, group.Count));
                        break;
                    default:
                        output.Add(new Sample(key, group.Value));
                        break;
                }
            }

            output.Sort((a, b) => PromLabelsComparer.Instance.Compare(a.Metric, b.Metric));
            return output;
        }

        private double Score(double value) => (_faults & EvalFaults.TopkKeepsLowest) != 0 ? -value : value;

        private void Add(Group group, Sample sample)
        {
            var x = sample.Value;
            switch (_expr.Operation)
            {
                case "sum":
                    group.Value += x;
                    break;
                case "avg":
                    group.Count++;
                    if (double.IsInfinity(group.Mean))
                    {
                        if (double.IsInfinity(x) && (group.Mean > 0) == (x > 0))
                        {
                            break;
                        }

                        if (!double.IsInfinity(x) && !double.IsNaN(x))
                        {
                            break;
                        }
                    }

                    group.Mean += (x - group.Mean) / group.Count;
                    break;
                case "max":
                    if (group.Value < x || double.IsNaN(group.Value))
                    {
                        group.Value = x;
                    }

                    break;
                case "min":
                    if (group.Value > x || double.IsNaN(group.Value))
                    {
                        group.Value = x;
                    }

                    break;
                case "count":
                    group.Count++;
                    break;
                default: // topk
                    var heap = group.Heap!;
                    var score = Score(x);
                    if (heap.Count < _expr.Parameter || heap.TopScore < score || double.IsNaN(heap.TopScore))
                    {
                        if (heap.Count == _expr.Parameter)
                        {
                            heap.Pop();
                        }

                        heap.Push(sample, score);
                    }

                    break;
            }
        }

        private LabelSet GroupLabels(LabelSet metric)
        {
            if (_without)
            {
                return new LabelSet(metric.Where(l => l.Name != "__name__" && !_groups.Contains(l.Name, StringComparer.Ordinal)));
            }

            return new LabelSet(metric.Where(l => _groups.Contains(l.Name, StringComparer.Ordinal)));
        }

        private sealed class Group(double first)
        {
            public double Value { get; set; } = first;

            public double Mean { get; set; } = first;

            public int Count { get; set; } = 1;

            public TopkHeap? Heap { get; set; }
        }
    }
}
