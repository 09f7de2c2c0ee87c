using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC002: a required key is missing; reported at the mapping that should hold it.</summary>
public sealed class Vspec002MissingKeyTests
{
    [Fact]
    public void MissingTopLevelKey_IsReportedAtTheTopLevelMapping()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("class: MiniRouting\n", string.Empty)));

        var d = run.ShouldHaveSingle("VSPEC002");
        d.Message().ShouldBe("Spec key 'class' is required in '(top level)'");
        d.ShouldPointAt(MiniSpec.Path, line: 1, column: 1);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void MissingNestedKey_IsReportedAtItsMapping()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    function: murmur3-x86-32\n", string.Empty)));

        var d = run.ShouldHaveSingle("VSPEC002");
        d.Message().ShouldBe("Spec key 'function' is required in 'partition.hash'");
        // The hash mapping now starts with "encoding:", on line 9.
        d.ShouldPointAt(MiniSpec.Path, line: 9, column: 5);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
