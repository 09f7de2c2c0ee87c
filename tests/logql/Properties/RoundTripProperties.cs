using FsCheck;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.LogQL;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests.Properties;

/// <summary>
/// Printer/parser laws over generated ASTs (issue 4, <see cref="LogQLRoundTrip"/> in src/Conformance): the printer's
/// text parses back to the same AST, and printing is a fixed point. Each law is shown to catch a seeded bug (a broken
/// printer, a broken parser).
/// </summary>
public sealed class RoundTripProperties
{
    private static readonly int MaxTest = TestBudget.MaxTestOr(300);

    [Fact]
    public void Parse_OfPrint_IsTheSameAst() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MaxTest).WithQuietOnSuccess(true), LogQLRoundTrip.ParseOfPrintIsIdentity(LogQLPrinter.Print, LogQLParser.Parse));

    [Fact]
    public void Print_IsAFixedPointOfParse() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MaxTest).WithQuietOnSuccess(true), LogQLRoundTrip.PrintIsAFixedPointOfParse());

    [Fact]
    public void TheCheck_PassesOnTheReference()
    {
        var outcome = PropertyRunner.Run(LogQLRoundTrip.Holds(), new CheckContext(PlacementTarget.Reference, null, MaxTest));
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
    }

    [Fact]
    public void SeededPrinterBug_MatchersPrintedSorted_IsCaught()
    {
        // A plausible bug: printing stream matchers sorted by name (Loki keeps source order).
        static string Broken(Expr e) => LogQLPrinter.Print(SortMatchers(e));
        var failure = Should.Throw<Exception>(() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(MaxTest, 200)).WithQuietOnSuccess(true), LogQLRoundTrip.ParseOfPrintIsIdentity(Broken, LogQLParser.Parse)));
        failure.Message.ShouldContain("Falsifiable");
    }

    [Fact]
    public void SeededParserBug_LastStageDropped_IsCaught()
    {
        // A plausible bug: the parser loses the last pipeline stage.
        static Expr Broken(string text) => LogQLParser.Parse(text) switch
        {
            PipelineExpr { Stages.Count: > 1 } p => p with { Stages = new ValueList<PipelineStage>(p.Stages.Take(p.Stages.Count - 1)) },
            var other => other,
        };
        var failure = Should.Throw<Exception>(() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(MaxTest, 200)).WithQuietOnSuccess(true), LogQLRoundTrip.ParseOfPrintIsIdentity(LogQLPrinter.Print, Broken)));
        failure.Message.ShouldContain("Falsifiable");
    }

    private static Expr SortMatchers(Expr e) => e switch
    {
        MatchersExpr m => new MatchersExpr(new ValueList<LabelMatcher>(m.Matchers.OrderBy(x => x.Name, StringComparer.Ordinal))),
        PipelineExpr p => p with { Left = (MatchersExpr)SortMatchers(p.Left) },
        RangeAggregationExpr r => r with { Left = r.Left with { Left = (LogSelectorExpr)SortMatchers(r.Left.Left) } },
        VectorAggregationExpr v => v with { Left = (SampleExpr)SortMatchers(v.Left) },
        BinOpExpr b => b with { Left = (SampleExpr)SortMatchers(b.Left), Right = (SampleExpr)SortMatchers(b.Right) },
        LabelReplaceExpr l => l with { Left = (SampleExpr)SortMatchers(l.Left) },
        _ => e,
    };
}
