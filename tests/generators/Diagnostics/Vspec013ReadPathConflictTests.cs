using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>
/// VSPEC013: read-path settings that contradict each other. <c>window_gap: closed</c> needs
/// <c>query_store_max_look_back_period: 0</c>: with L ≠ 0 the querier asks the store only up to now − L and Loki counts on
/// ingesters querying the store for the rest, which Verified's ingesters do not. Reported at L's value, in the file
/// that wrote it.
/// </summary>
public sealed class Vspec013ReadPathConflictTests
{
    private const string Expected =
        "'query_store_max_look_back_period: 1h' cannot be combined with 'window_gap: closed': the querier asks the store only up to "
        + "now - query_store_max_look_back_period, and Verified's ingesters do not query the store for the rest, so an entry flushed "
        + "and dropped from ingester memory in that window would be invisible; use 0, or window_gap: loki-compatible";

    [Fact]
    public void LookBackWithClosedGap_PointsAtTheLookBackValue()
    {
        var variant = VariantSpec.Over("loki", "loki-lookback", "LokiLookBackRouting", "read:\n  query_store_max_look_back_period: 1h");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC013");
        d.Message().ShouldBe(Expected);
        d.ShouldPointAt(variant.Path, line: 6, column: 37);
        d.SpanText(variant.GetText().ToString()).ShouldBe("1h");
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiLookBackRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Fact]
    public void ClosedGapSetOverABaseWithALookBack_PointsIntoTheFileThatWroteTheLookBack()
    {
        // compat sets L = 1h with Loki's gap (valid); strict, merged over it, closes the gap: the conflict is L's value in compat.
        var compat = VariantSpec.Over("loki", "loki-lb-compat", "LokiLbCompatRouting", "read:\n  query_store_max_look_back_period: 1h\n  window_gap: loki-compatible");
        var strict = VariantSpec.Over("loki-lb-compat", "loki-lb-strict", "LokiLbStrictRouting", "read:\n  window_gap: closed");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), compat, strict);

        var d = run.ShouldHaveSingle("VSPEC013");
        d.Message().ShouldBe(Expected);
        d.ShouldPointAt(compat.Path, line: 6, column: 37);
        run.ShouldNotEmit("LokiLbStrictRouting");
        run.ShouldEmit("LokiLbCompatRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("0h0m")]
    public void ZeroLookBackWithClosedGap_IsAccepted(string zero)
    {
        var variant = VariantSpec.Over("loki", "loki-zero", "LokiZeroRouting", $"read:\n  query_store_max_look_back_period: {zero}");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        run.ShouldEmit("LokiZeroRouting");
    }
}
