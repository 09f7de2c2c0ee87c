using FsCheck;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.LogQL.Tests.Eval;

/// <summary>
/// Negative controls: the model property fails on an evaluator with each seeded bug (<see cref="EvalFaults"/>).
/// A fixed seed keeps them deterministic; the budget is larger than the default run's.
/// </summary>
public sealed class MetricSeededBugTests
{
    private const int Budget = 2000;

    [Theory]
    [InlineData(nameof(EvalFaults.WindowClosedOnWrongSide))]
    [InlineData(nameof(EvalFaults.RateDividesByStep))]
    [InlineData(nameof(EvalFaults.OffsetSignFlipped))]
    [InlineData(nameof(EvalFaults.BytesCountUtf16))]
    [InlineData(nameof(EvalFaults.WithoutActsAsBy))]
    [InlineData(nameof(EvalFaults.TopkKeepsLowest))]
    [InlineData(nameof(EvalFaults.UnanchoredMatchers))]
    public void ModelProperty_CatchesSeededBug(string fault) =>
        ShouldCatch(MetricModelLaw.EvaluatorAgreesWithNaiveModel(Enum.Parse<EvalFaults>(fault)));

    [Fact]
    public void EveryFault_HasANegativeControl() =>
        typeof(MetricSeededBugTests).GetMethod(nameof(ModelProperty_CatchesSeededBug))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Length
            .ShouldBe(Enum.GetValues<EvalFaults>().Length - 1);

    private static void ShouldCatch(Property property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Budget).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        var failure = Should.Throw<Exception>(() => Check.One(config, property));
        failure.Message.ShouldContain("Falsifiable");
    }
}
