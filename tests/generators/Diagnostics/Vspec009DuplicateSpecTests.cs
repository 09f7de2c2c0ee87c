using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>
/// VSPEC009: two files declare the same spec id or the same class. Reported in the later file (path order);
/// neither is emitted, since which one was meant is unknown.
/// </summary>
public sealed class Vspec009DuplicateSpecTests
{
    [Fact]
    public void SameSpecIdInTwoFiles_PointsAtTheSecondId()
    {
        var second = MiniSpec.With("class: MiniRouting", "class: MiniBRouting");
        var run = GeneratorHarness.Run(MiniSpec.File(path: "spec/a-mini.yaml"), MiniSpec.File(second, "spec/b-mini.yaml"));

        var d = run.ShouldHaveSingle("VSPEC009");
        d.Message().ShouldBe("Spec id 'mini' is declared more than once (also in spec/a-mini.yaml)");
        d.ShouldPointAt("spec/b-mini.yaml", line: 1, column: 7);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
        run.ShouldNotEmit("MiniBRouting");
    }

    [Fact]
    public void SameClassInTwoSpecs_PointsAtTheSecondClass()
    {
        var second = MiniSpec.Replace(MiniSpec.Replace(MiniSpec.With("spec: mini", "spec: mini-b"), "ES-PLACE-1", "ES-PLACE-3"), "ES-PLACE-2", "ES-PLACE-4");
        var run = GeneratorHarness.Run(MiniSpec.File(path: "spec/a-mini.yaml"), MiniSpec.File(second, "spec/b-mini.yaml"));

        var d = run.ShouldHaveSingle("VSPEC009");
        d.Message().ShouldBe("Spec class 'MiniRouting' is declared more than once (also in spec/a-mini.yaml)");
        d.ShouldPointAt("spec/b-mini.yaml", line: 5, column: 8);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
