using FsCheck;
using FsCheck.Fluent;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests.Eval;

/// <summary>
/// Issue 4, metric evaluation: over generated streams and generated queries in the subset, the evaluator agrees
/// with the naive model at every step (<see cref="MetricModelLaw"/> in src/Conformance, which <c>verified check</c> runs).
/// <see cref="MetricSeededBugTests"/> shows the law failing on each seeded bug.
/// </summary>
public sealed class MetricModelProperties
{
    private static readonly int MaxTest = TestBudget.MaxTestOr(300);

    [Fact]
    public void Evaluator_AgreesWithTheNaiveModel_AtEveryStep() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MaxTest).WithQuietOnSuccess(true), MetricModelLaw.Holds());

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
}
