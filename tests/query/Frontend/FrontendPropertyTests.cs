using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.Frontend;
using Verified.Routing;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// The frontend's laws on the reference (VERIFIED_MAXTEST cases each, 100 by default), from <see cref="SplitEquivalence"/>
/// in src/Conformance; and the check <c>verified check</c> runs, under Verified's spec and Loki's.
/// </summary>
public sealed class FrontendPropertyTests
{
    [FrontendProperty]
    public Property SplitQuery_AnswersLikeTheWholeRange_WithTheDeduplicatingMerge() =>
        SplitEquivalence.SplitQueryAnswersLikeTheWholeRange(deduplicating: true, FrontendFaults.None);

    [FrontendProperty]
    public Property SplitQuery_AnswersLikeTheWholeRange_WithLokisMerge() =>
        SplitEquivalence.SplitQueryAnswersLikeTheWholeRange(deduplicating: false, FrontendFaults.None);

    [FrontendProperty]
    public Property OverlappingPieces_MergeToTheWholeRange_WhenDeduplicating() =>
        SplitEquivalence.OverlappingPiecesMergeToTheWholeRange(deduplicating: true);

    [Fact]
    public void SplitEquivalenceCheck_PassesUnderTheDeduplicatingSpec()
    {
        var outcome = PropertyRunner.Run(SplitEquivalence.HoldsUnder(LokiRouting.Instance), Context());
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
    }

    [Fact]
    public void SplitEquivalenceCheck_FailsUnderTheLokiCompatibleVariant()
    {
        // spec/variants/loki-compat-read.yaml: split_merge loki-compatible keeps the duplicates of overlapping pieces.
        var outcome = PropertyRunner.Run(SplitEquivalence.HoldsUnder(LokiCompatReadRouting.Instance), Context());
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain("pieces overlapping by 3s");
        outcome.Replay.ShouldNotBeNull();
    }

    private static CheckContext Context() => new(PlacementTarget.Reference, null, FrontendPropertyAttribute.Budget);
}
