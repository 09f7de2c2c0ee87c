using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC004: a value outside the vocabulary, reported at the value with the allowed ones listed.</summary>
public sealed class Vspec004UnknownValueTests
{
    [Fact]
    public void UnknownHashFunction_PointsAtTheValue()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("function: murmur3-x86-32", "function: murmur4")));

        var d = run.ShouldHaveSingle("VSPEC004");
        d.Message().ShouldBe("'murmur4' is not a valid value for 'partition.hash.function'; expected one of: fnv1-32, fnv1a-32, murmur3-x86-32, xxhash64");
        d.ShouldPointAt(MiniSpec.Path, line: 9, column: 15);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void NonBooleanFlag_PointsAtTheValue()
    {
        var variant = VariantSpec.Over("loki", "loki-zones", "LokiZonesRouting", "placement:\n  zone_awareness: yes");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC004");
        d.Message().ShouldBe("'yes' is not a valid value for 'placement.zone_awareness'; expected one of: true, false");
        d.ShouldPointAt(variant.Path, line: 6, column: 19);
        run.ShouldNotEmit("LokiZonesRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Theory]
    [InlineData("window_gap", "open", "closed, loki-compatible")]
    [InlineData("split_merge", "dedupe", "deduplicating, loki-compatible")]
    public void UnknownReadPathMode_PointsAtTheValue_AndListsTheModes(string key, string value, string allowed)
    {
        var variant = VariantSpec.Over("loki", "loki-mode", "LokiModeRouting", $"read:\n  {key}: {value}");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC004");
        d.Message().ShouldBe($"'{value}' is not a valid value for 'read.{key}'; expected one of: {allowed}");
        d.ShouldPointAt(variant.Path, line: 6, column: key.Length + 5);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiModeRouting");
    }
}
