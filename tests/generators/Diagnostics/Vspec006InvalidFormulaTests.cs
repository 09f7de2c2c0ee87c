using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC006: a formula that does not parse or uses a name it may not, reported at the formula.</summary>
public sealed class Vspec006InvalidFormulaTests
{
    [Fact]
    public void MissingComma_InAQuorumFormula_PointsAtTheFormula()
    {
        var variant = VariantSpec.Over("loki", "loki-q", "LokiQRouting", "placement:\n  quorum:\n    min_success: max(rf walked)");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC006");
        d.Message().ShouldBe("Formula 'max(rf walked)' for 'placement.quorum.min_success' is invalid: expected ')' but found 'w' at column 8");
        d.ShouldPointAt(variant.Path, line: 7, column: 18);
        d.SpanText(variant.GetText().ToString()).ShouldBe("max(rf walked)");
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiQRouting");
        run.ShouldEmit("LokiRouting");
    }

    /// <summary>
    /// The column in the message is 1-based within the formula. BUG (see the report): for an unknown name or
    /// function FormulaCompiler reports the position after the name and the blanks behind it (the next token),
    /// not where the name starts; those two rows fail until it does.
    /// </summary>
    [Theory]
    [InlineData("rf / 2 +", "unexpected end of formula at column 9")]
    [InlineData("instances / 2", "unknown name 'instances' (this formula may use: rf, walked) at column 1")]
    [InlineData("median(rf, walked)", "unknown function 'median' (known: max, min, ceil_log2) at column 1")]
    [InlineData("max(rf)", "function 'max' takes 2 argument(s), not 1 at column 1")]
    [InlineData("99999999999", "number 99999999999 does not fit in a 32-bit integer at column 1")]
    [InlineData("rf ^ 2", "unexpected '^' at column 4")]
    public void MalformedFormula_SaysWhatIsWrong(string formula, string reason)
    {
        var variant = VariantSpec.Over("loki", "loki-q", "LokiQRouting", $"placement:\n  quorum:\n    min_success: \"{formula}\"");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC006");
        d.Message().ShouldBe($"Formula '{formula}' for 'placement.quorum.min_success' is invalid: {reason}");
        d.ShouldPointAt(variant.Path, line: 7, column: 18);
        run.ShouldNotEmit("LokiQRouting");
    }

    /// <summary>BUG (see the report): the column should be where 'rf' starts, as above.</summary>
    [Fact]
    public void RoutingShardsFormula_MayOnlyUseShards()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("default_routing_shards: shards", "default_routing_shards: rf * 2")));

        var d = run.ShouldHaveSingle("VSPEC006");
        d.Message().ShouldBe("Formula 'rf * 2' for 'placement.default_routing_shards' is invalid: unknown name 'rf' (this formula may use: shards) at column 1");
        d.ShouldPointAt(MiniSpec.Path, line: 14, column: 27);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
