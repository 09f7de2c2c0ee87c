using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Metric;

/// <summary>The metric split (loki pkg/querier/queryrange/splitters.go metricQuerySplitter): examples and the no-step-twice, no-step-lost law.</summary>
public sealed class MetricSplitterTests
{
    private const long S = 1_000_000_000L;
    private const long M = 60 * S;
    private const long H = 60 * M;

    /// <summary>(start, end, step, interval) with steps from 1 ms up to above the interval.</summary>
    private static Arbitrary<(long Start, long End, long Step, long Interval)> Cases { get; } = Arb.From(
        from start in Gen.Choose(0, 100_000)
        from length in Gen.Choose(0, 50_000)
        from step in Gen.Elements(1L, 7L, 60L, 900L, 1000L, 3600L, 5400L)
        from interval in Gen.Elements(60L, 1800L, 3600L)
        select ((long)start * S, ((long)start + length) * S, step * S, interval * S));

    [Fact]
    public void StepDividingTheInterval_EndsEachPieceOneStepBeforeTheBoundary() =>
        MetricSplitter.Split(0, 3 * H, 15 * M, H).ShouldBe(
        [
            MetricQuery.Range(0, 45 * M, 15 * M),
            MetricQuery.Range(H, H + (45 * M), 15 * M),
            MetricQuery.Range(2 * H, 3 * H, 15 * M),
        ]);

    [Fact]
    public void StepNotDividingTheInterval_KeepsPiecesAMultipleOfStepsApart()
    {
        var (start, end) = MetricSplitter.AlignToStep(0, 2 * H, 7 * M);
        end.ShouldBe(126 * M);
        MetricSplitter.Split(start, end, 7 * M, H).ShouldBe([MetricQuery.Range(0, 56 * M, 7 * M), MetricQuery.Range(63 * M, 126 * M, 7 * M)]);
    }

    [Fact]
    public void AlignToStep_RoundsStartDownAndEndUp() =>
        MetricSplitter.AlignToStep(5 * S, 95 * S, 10 * S).ShouldBe((0L, 100 * S));

    [Fact]
    public void StepAtLeastTheInterval_SplitsByStep_NeighboursShareTheirBoundaryStep() =>
        // ForInterval pieces evaluated end-inclusive: Loki's "likely buggy" case; the merge drops the repeated step.
        MetricSplitter.Split(0, 3 * H, H, H).ShouldBe([MetricQuery.Range(0, H, H), MetricQuery.Range(H, 2 * H, H), MetricQuery.Range(2 * H, 3 * H, H)]);

    [Fact]
    public void RangeLongerThanTheInterval_WidensTheInterval() =>
        MetricSplitter.EffectiveIntervalNs(H, 2 * H).ShouldBe(2 * H);

    [Fact]
    public void AlignedEmptyRange_HasNoPieces() =>
        MetricSplitter.Split(H, H, M, H).ShouldBeEmpty();

    [Fact]
    public void SingleStepBeforeABoundary_IsAPieceOfItsOwn() =>
        MetricSplitter.Split(59 * M, 2 * H, M, H)[0].ShouldBe(MetricQuery.Range(59 * M, 59 * M, M));

    [MetricProperty]
    public Property Pieces_EvaluateEveryAlignedStepOnce_InOrder() => StepsCoveredExactly(FrontendFaults.None);

    [Fact]
    public void SkippedBoundaryStep_IsCaughtByTheCoverageLaw() =>
        Should.Throw<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(300)).WithQuietOnSuccess(true), StepsCoveredExactly(FrontendFaults.MetricSplitsSkipBoundaryStep)));

    // Below the interval the pieces partition the aligned steps; at or above it, neighbours share exactly one step.
    private static Property StepsCoveredExactly(FrontendFaults faults) => Prop.ForAll(Cases, c =>
    {
        var (start, end) = MetricSplitter.AlignToStep(c.Start, c.End, c.Step);
        var pieces = MetricSplitter.Split(start, end, c.Step, c.Interval, faults);
        var expected = start < end ? Steps(MetricQuery.Range(start, end, c.Step)).ToList() : [];
        var evaluated = pieces.SelectMany(Steps).ToList();
        var distinct = evaluated.Distinct().ToList();
        var overlapAllowed = c.Step / 1_000_000 >= c.Interval / 1_000_000 ? Math.Max(pieces.Length - 1, 0) : 0;
        return distinct.SequenceEqual(expected)
            && evaluated.Count - distinct.Count == overlapAllowed
            && pieces.All(p => p.StartNs <= p.EndNs && (p.StartNs - start) % c.Step == 0);
    });

    private static IEnumerable<long> Steps(MetricQuery q)
    {
        for (var t = q.StartNs; t <= q.EndNs; t += q.StepNs)
        {
            yield return t;
        }
    }
}
