using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC010: a variant's base is not declared, or the bases form a cycle; reported at the base key's value.</summary>
public sealed class Vspec010UnknownBaseTests
{
    [Fact]
    public void UnknownBase_PointsAtTheBaseName()
    {
        var variant = VariantSpec.Over("lokii", "loki-q", "LokiQRouting", "placement:\n  replication_factor: 5");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC010");
        d.Message().ShouldBe("Base spec 'lokii' of variant 'loki-q' is not declared by any spec file");
        d.ShouldPointAt(variant.Path, line: 2, column: 7);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiQRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Fact]
    public void TwoVariantsBasedOnEachOther_AreBothReportedAsACycle()
    {
        var a = VariantSpec.Over("b", "a", "ARouting", "placement:\n  replication_factor: 5");
        var b = VariantSpec.Over("a", "b", "BRouting", "placement:\n  replication_factor: 5");
        var run = GeneratorHarness.Run(a, b, SpecTexts.File(SpecTexts.LokiPath));

        run.ShouldNotHaveCrashed();
        var cycles = run.WithId("VSPEC010").OrderBy(d => d.FilePath(), StringComparer.Ordinal).ToList();
        cycles.Count.ShouldBe(2, DiagnosticExtensions.Describe(run));
        cycles[0].Message().ShouldBe("Base spec 'b' of variant 'b' makes a cycle: b -> a -> b");
        cycles[0].ShouldPointAt(a.Path, line: 2, column: 7);
        cycles[1].Message().ShouldBe("Base spec 'a' of variant 'a' makes a cycle: a -> b -> a");
        cycles[1].ShouldPointAt(b.Path, line: 2, column: 7);
        run.ShouldNotEmit("ARouting");
        run.ShouldNotEmit("BRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Fact]
    public void VariantBasedOnItself_IsACycle()
    {
        var self = VariantSpec.Over("loki-self", "loki-self", "LokiSelfRouting", "placement:\n  replication_factor: 5");
        var run = GeneratorHarness.Run(self);

        var d = run.ShouldHaveSingle("VSPEC010");
        d.Message().ShouldBe("Base spec 'loki-self' of variant 'loki-self' makes a cycle: loki-self -> loki-self");
        d.ShouldPointAt(self.Path, line: 2, column: 7);
        run.ShouldNotEmit("LokiSelfRouting");
    }
}
