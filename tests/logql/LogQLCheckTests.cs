using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests;

/// <summary>
/// The LOKI-READ-6 and -7 checks <c>verified check</c> runs: they pass on the reference, skip without the gold vectors,
/// and fail when the reference and the vectors disagree (shown with a copy of a vector file whose expectation is altered)
/// or when the evaluator has a seeded bug.
/// </summary>
public sealed class LogQLCheckTests : IDisposable
{
    private static readonly CheckContext Context = new(PlacementTarget.Reference, SharedVectors.Directory, MaxTest: 100);
    private readonly AlteredVectors _altered = new();

    public static TheoryData<string> VectorChecks() => [nameof(LogQLVectors.ParserCases), nameof(LogQLVectors.Curated), nameof(LogQLVectors.Roundtrip)];

    [Theory]
    [MemberData(nameof(VectorChecks))]
    public void VectorCheck_PassesOnTheReference(string check)
    {
        var outcome = Run(check, Context);
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
        outcome.Detail.ShouldContain("assertions");
    }

    [Theory]
    [MemberData(nameof(VectorChecks))]
    public void VectorCheck_SkipsWithAReasonWithoutTheVectors(string check)
    {
        var outcome = Run(check, Context with { VectorsDirectory = null });
        outcome.Verdict.ShouldBe(Verdict.Skipped);
        outcome.Detail.ShouldContain("vectors");
    }

    [Fact]
    public void ParserCasesCheck_ReportsHowManyCasesAreOutsideTheSubset() =>
        LogQLVectors.ParserCases(Context).Detail.ShouldContain("outside the subset");

    [Fact]
    public void CuratedCheck_FailsOnAnAlteredErrorText()
    {
        _altered.Alter(LogQLVectors.CuratedFile, "\"error_string\": \"parse error", "\"error_string\": \"parse mistake");
        var outcome = LogQLVectors.Curated(Context with { VectorsDirectory = _altered.Directory });
        outcome.Verdict.ShouldBe(Verdict.Failed, outcome.Detail);
        outcome.Detail.ShouldContain("parse mistake");
    }

    [Fact]
    public void ParserCasesCheck_FailsOnAnAlteredErrorText()
    {
        _altered.Alter(LogQLVectors.ParserCasesFile, "\"error_string\": \"parse error", "\"error_string\": \"parse mistake");
        LogQLVectors.ParserCases(Context with { VectorsDirectory = _altered.Directory }).Verdict.ShouldBe(Verdict.Failed);
    }

    [Fact]
    public void RoundtripCheck_FailsOnAnAlteredStringerOutput()
    {
        _altered.Alter(LogQLVectors.RoundtripFile, "\"out\": \"0", "\"out\": \"00");
        LogQLVectors.Roundtrip(Context with { VectorsDirectory = _altered.Directory }).Verdict.ShouldBe(Verdict.Failed);
    }

    [Fact]
    public void MetricCheck_PassesOnTheReference_AndFailsOnASeededBug()
    {
        PropertyRunner.Run(MetricModelLaw.Holds(), Context).Verdict.ShouldBe(Verdict.Passed);
        var broken = PropertyRunner.Run(MetricModelLaw.EvaluatorAgreesWithNaiveModel(EvalFaults.RateDividesByStep), Context with { MaxTest = 2000, Replay = "(20260101,1442695040888963407)" });
        broken.Verdict.ShouldBe(Verdict.Failed, broken.Detail);
        broken.Replay.ShouldNotBeNull();
    }

    public void Dispose() => _altered.Dispose();

    private static CheckOutcome Run(string check, CheckContext context) => check switch
    {
        nameof(LogQLVectors.ParserCases) => LogQLVectors.ParserCases(context),
        nameof(LogQLVectors.Curated) => LogQLVectors.Curated(context),
        _ => LogQLVectors.Roundtrip(context),
    };
}
