using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>A broken spec costs only itself: the other specs of the compilation are generated exactly as they would be alone.</summary>
public sealed class BrokenSpecNextToValidTests
{
    [Fact]
    public void BrokenSpecNextToAValidOne_StillGeneratesTheValidOne_Unchanged()
    {
        var alone = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath));
        var broken = MiniSpec.File(MiniSpec.With("function: murmur3-x86-32", "function: murmur4"));

        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), broken);

        run.ShouldHaveSingle("VSPEC004").FilePath().ShouldBe(MiniSpec.Path);
        run.ShouldNotEmit(MiniSpec.ClassName);
        run.ShouldEmit("LokiRouting");
        run.Source("Verified.Routing.LokiRouting.g.cs").Text.ShouldBe(alone.Source("Verified.Routing.LokiRouting.g.cs").Text);
        run.Source(GeneratorHarness.CatalogHintName).Text.ShouldBe(alone.Source(GeneratorHarness.CatalogHintName).Text);
    }

    [Fact]
    public void BrokenVariant_DoesNotTakeItsBaseDown()
    {
        var variant = VariantSpec.Over("elasticsearch", "es-bad", "EsBadRouting", "placement:\n  formula: sideways");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.ElasticsearchPath), variant, SpecTexts.File(SpecTexts.ElasticsearchModuloPath));

        run.ShouldHaveSingle("VSPEC004").FilePath().ShouldBe(variant.Path);
        run.ShouldNotEmit("EsBadRouting");
        run.ShouldEmit("ElasticsearchRouting");
        run.ShouldEmit("ElasticsearchModuloRouting");
    }

    [Fact]
    public void MiniSpec_UsedByTheDiagnosticTests_IsValid()
    {
        // Every diagnostic test breaks exactly one thing in this spec; it must be clean to begin with.
        var run = GeneratorHarness.Run(MiniSpec.File());

        run.ShouldNotHaveCrashed();
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        run.ShouldEmit(MiniSpec.ClassName);
    }
}
