using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// Metric evaluation (LOKI-READ-7): over generated streams and generated queries in the subset, the evaluator agrees
/// with <see cref="NaiveModel"/> at every step.
/// </summary>
public static class MetricModelLaw
{
    /// <summary>The reference evaluator agrees with the naive model.</summary>
    public static Property Holds() => EvaluatorAgreesWithNaiveModel(EvalFaults.None);

    /// <summary>The law, over an evaluator with <paramref name="faults"/>, so the negative controls can run it on broken ones.</summary>
    internal static Property EvaluatorAgreesWithNaiveModel(EvalFaults faults) =>
        Prop.ForAll(EvalGen.Case.ToArbitrary(), c =>
        {
            var expected = NaiveModel.Evaluate(c).Where(s => s.Samples.Count > 0).ToDictionary(s => s.Ms, s => s.Samples);
            var result = MetricEvaluator.Evaluate((SampleExpr)LogQLParser.Parse(c.Query.Text), c.Streams, c.At, faults);
            var actual = Flatten(result, c.Query);
            var same = expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var a) && SameSamples(kv.Value, a));
            return same.Label($"expected: {Show(expected)}\nactual:   {Show(actual)}");
        });

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
