using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// The LOKI-READ-8 vector checks <c>verified check</c> runs: each passes on the reference, skips without the gold vectors,
/// and fails when reference and vectors disagree (shown with a copy of the vector file whose expectation is altered).
/// </summary>
public sealed class CheckVectorTests : IDisposable
{
    private static readonly CheckContext Context = new(PlacementTarget.Reference, SharedVectors.Directory);
    private readonly AlteredVectors _altered = new();

    public static TheoryData<string> Checks() => [nameof(ReadPathVectors.QueryIntervals), nameof(ReadPathVectors.SplitIntervals), nameof(ReadPathVectors.MergeDedupe)];

    [Theory]
    [MemberData(nameof(Checks))]
    public void VectorCheck_PassesOnTheReference(string check)
    {
        var outcome = Run(check, Context);
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
        outcome.Detail.ShouldContain("assertions");
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public void VectorCheck_SkipsWithAReasonWithoutTheVectors(string check)
    {
        var outcome = Run(check, Context with { VectorsDirectory = null });
        outcome.Verdict.ShouldBe(Verdict.Skipped);
        outcome.Detail.ShouldContain("vectors");
    }

    [Theory]
    [InlineData(nameof(ReadPathVectors.QueryIntervals), ReadPathVectors.QueryIntervalFile, "\"now-1h\"", "\"now-2h\"", "case 1 overlapping")]
    [InlineData(nameof(ReadPathVectors.SplitIntervals), ReadPathVectors.SplitIntervalFile, "\"through_s\": 8,", "\"through_s\": 9,", "range smaller than split interval")]
    [InlineData(nameof(ReadPathVectors.MergeDedupe), ReadPathVectors.MergeDedupeFile, "\"expected_count\": 2", "\"expected_count\": 1", "TestMergeIteratorNoDedupDifferentStructuredMetadata")]
    public void VectorCheck_FailsOnAnAlteredExpectation(string check, string file, string from, string to, string failingCase)
    {
        _altered.Alter(file, from, to);
        var outcome = Run(check, Context with { VectorsDirectory = _altered.Directory });
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain(failingCase);
    }

    public void Dispose() => _altered.Dispose();

    private static CheckOutcome Run(string check, CheckContext context) => check switch
    {
        nameof(ReadPathVectors.QueryIntervals) => ReadPathVectors.QueryIntervals(context),
        nameof(ReadPathVectors.SplitIntervals) => ReadPathVectors.SplitIntervals(context),
        _ => ReadPathVectors.MergeDedupe(context),
    };
}
