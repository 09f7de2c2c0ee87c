using FsCheck;
using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.Frontend;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// Negative controls: each property fails on a frontend with a seeded bug (<see cref="FrontendFaults"/>) or on the
/// variant it rules out, and names a counterexample. A fixed seed keeps these deterministic.
/// </summary>
public sealed class FrontendSeededBugTests
{
    private const int Budget = 1000;

    [Theory]
    [InlineData(nameof(FrontendFaults.SplitBoundsInclusive), false)]
    [InlineData(nameof(FrontendFaults.BackwardSplitsNotReversed), false)]
    [InlineData(nameof(FrontendFaults.BackwardSplitsNotReversed), true)]
    [InlineData(nameof(FrontendFaults.DedupeIgnoresStructuredMetadata), true)]
    public void SplitEquivalenceProperty_Catches(string fault, bool deduplicating) =>
        ShouldCatch(SplitEquivalence.SplitQueryAnswersLikeTheWholeRange(deduplicating, Enum.Parse<FrontendFaults>(fault)));

    [Fact]
    public void OverlapProperty_CatchesLokisNonDeduplicatingMerge() =>
        ShouldCatch(SplitEquivalence.OverlappingPiecesMergeToTheWholeRange(deduplicating: false));

    private static void ShouldCatch(Property property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Budget).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        var failure = Should.Throw<Exception>(() => Check.One(config, property));
        failure.Message.ShouldContain("Falsifiable");
    }
}
