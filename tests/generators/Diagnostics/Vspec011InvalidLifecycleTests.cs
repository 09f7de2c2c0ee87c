using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC011: a lifecycle with an unreachable state, a repeated transition, or a transition that changes nothing.</summary>
public sealed class Vspec011InvalidLifecycleTests
{
    [Fact]
    public void StateNoTransitionReaches_IsReportedAtTheTransitionList()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    - { from: B, to: A }\n", "    - { from: B, to: A }\n    - { from: C, to: B }\n")));

        var d = run.ShouldHaveSingle("VSPEC011");
        d.Message().ShouldBe("Lifecycle 'Copy' is invalid: no transition reaches C from A");
        // The list (which begins with its first item, line 24) is what lacks a transition into C.
        d.ShouldPointAt(MiniSpec.Path, line: 24, column: 5);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void TransitionListedTwice_PointsAtTheRepeat()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    - { from: B, to: A }\n", "    - { from: B, to: A }\n    - { from: A, to: B }\n")));

        var d = run.ShouldHaveSingle("VSPEC011");
        d.Message().ShouldBe("Lifecycle 'Copy' is invalid: transition A -> B is listed twice");
        d.ShouldPointAt(MiniSpec.Path, line: 26, column: 7);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void TransitionToItself_PointsAtIt()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    - { from: B, to: A }\n", "    - { from: B, to: A }\n    - { from: B, to: B }\n")));

        var d = run.ShouldHaveSingle("VSPEC011");
        d.Message().ShouldBe("Lifecycle 'Copy' is invalid: transition B -> B does not change state");
        d.ShouldPointAt(MiniSpec.Path, line: 26, column: 7);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
