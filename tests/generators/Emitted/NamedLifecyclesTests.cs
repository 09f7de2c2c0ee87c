using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Emitted;

/// <summary>The optional <c>lifecycles:</c> map: each named lifecycle becomes a <c>{Name}Lifecycle</c> table.</summary>
public sealed class NamedLifecyclesTests
{
    private const string Extra = """
        lifecycles:
          Job:
            initial: QUEUED
            transitions:
              - { from: QUEUED, to: DONE }
            disallowed: "job {0} -> {1}"
        requirements:
        """;

    [Fact]
    public void NamedLifecycle_IsEmittedBesideTheMainOne()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("requirements:", Extra)));

        run.Diagnostics.ShouldBeEmpty();
        var text = run.Source("Verified.Routing.MiniRouting.g.cs").Text;
        text.ShouldContain("public static readonly global::Verified.Routing.LifecycleTable JobLifecycle = new(");
        text.ShouldContain("new global::Verified.Routing.LifecycleTransition(\"QUEUED\", \"DONE\")");
        text.ShouldContain("ImmutableArray.Create<global::Verified.Routing.LifecycleTable>(LifecycleTable, JobLifecycle)");
    }

    [Fact]
    public void NamedLifecycleWithTheMainOnesName_IsVspec005()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("requirements:", Extra.Replace("  Job:", "  Copy:", StringComparison.Ordinal))));

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe("'Copy' is not valid for 'lifecycles': lifecycle names must be unique");
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void NamedLifecycleWithAnUnknownKey_IsVspec003AtItsPath()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("requirements:", Extra.Replace("    initial: QUEUED", "    initial: QUEUED\n    name: Job", StringComparison.Ordinal))));

        var d = run.ShouldHaveSingle("VSPEC003");
        d.Message().ShouldBe("Unknown key 'name' in 'lifecycles.Job'; expected one of: initial, transitions, on_restart, disallowed");
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void NamedLifecycleThatIsNotAMapping_IsVspec012()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("requirements:", "lifecycles:\n  Job: QUEUED\nrequirements:")));

        run.ShouldHaveSingle("VSPEC012").Message().ShouldBe("'lifecycles.Job' must be a mapping");
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
