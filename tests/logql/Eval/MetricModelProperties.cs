using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests.Eval;

/// <summary>
/// Issue 4, metric evaluation: over generated streams and generated queries in the subset, the evaluator agrees
/// with <see cref="NaiveModel"/> at every step. <see cref="MetricSeededBugTests"/> shows the law failing on each
/// seeded bug.
/// </summary>
public sealed class MetricModelProperties
{
    private static readonly int MaxTest = TestBudget.MaxTestOr(300);

    /// <summary>The law, over any evaluator, so the negative controls can run it on broken ones.</summary>
    internal static Property EvaluatorAgreesWithNaiveModel(EvalFaults faults) =>
        Prop.ForAll(EvalGen.Case.ToArbitrary(), c =>
        {
            var expected = NaiveModel.Evaluate(c).Where(s => s.Samples.Count > 0).ToDictionary(s => s.Ms, s => s.Samples);
            var result = MetricEvaluator.Evaluate((SampleExpr)LogQLParser.Parse(c.Query.Text), c.Streams, c.At, faults);
            var actual = Flatten(result, c.Query);
            var same = expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var a) && SameSamples(kv.Value, a));
            return same.Label($"expected: {Show(expected)}\nactual:   {Show(actual)}");
        });

    [Fact]
    public void Evaluator_AgreesWithTheNaiveModel_AtEveryStep() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MaxTest).WithQuietOnSuccess(true), EvaluatorAgreesWithNaiveModel(EvalFaults.None));

    [Fact]
    public void Evaluator_ResultShape_IsAVectorForInstantQueries_AndSeriesAreSortedByLabels() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(MaxTest).WithQuietOnSuccess(true),
            Prop.ForAll(EvalGen.Case.ToArbitrary(), c =>
            {
                var result = MetricEvaluator.Evaluate(c.Query.Text, c.Streams, c.At);
                var labels = result.Series.Select(s => s.Metric).ToList();
                var sorted = labels.Zip(labels.Skip(1), (a, b) => PromLabelsComparer.Instance.Compare(a, b) < 0).All(x => x);
                var shape = !result.IsVector ? !c.At.IsInstant : c.At.IsInstant && result.Series.All(s => s.Points.Length == 1);
                var ordered = result.Series.All(s => s.Points.Zip(s.Points.Skip(1), (a, b) => a.TimestampMs < b.TimestampMs).All(x => x));
                return (sorted && shape && ordered).Label(c.ToString());
            }));

    private static Dictionary<long, Dictionary<string, double>> Flatten(MetricResult result, GenQuery q)
    {
        var steps = new Dictionary<long, Dictionary<string, double>>();
        foreach (var series in result.Series)
        {
            foreach (var point in series.Points)
            {
                if (!steps.TryGetValue(point.TimestampMs, out var samples))
                {
                    samples = [];
                    steps[point.TimestampMs] = samples;
                }

                samples[series.Metric.ToString()] = point.Value;
            }
        }

        if (q.VectorOp != "topk")
        {
            return steps;
        }

        // topk keeps series labels: regroup them and compare the kept values per group, largest first.
        return steps.ToDictionary(
            kv => kv.Key,
            kv => kv.Value
                .GroupBy(s => GroupKey(s.Key, q))
                .SelectMany(g => g.Select(s => s.Value).OrderByDescending(v => v).Select((v, i) => (Key: $"{g.Key}#{i}", Value: v)))
                .ToDictionary(x => x.Key, x => x.Value));
    }

    private static string GroupKey(string labelsText, GenQuery q)
    {
        var labels = CanonicalLabels.Parse(labelsText, new Verified.Routing.CanonicalLabelOptions(false, true, ", ", true));
        return new LabelSet(labels.Where(l => q.Groups.Contains(l.Name) != q.Without)).ToString();
    }

    private static bool SameSamples(Dictionary<string, double> expected, Dictionary<string, double> actual) =>
        expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var v) && Close(kv.Value, v));

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string Show(Dictionary<long, Dictionary<string, double>> steps) =>
        string.Join("; ", steps.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}ms: " + string.Join(" ", kv.Value.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"))));
}
