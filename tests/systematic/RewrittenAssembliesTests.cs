using Microsoft.Coyote.Rewriting;
using Shouldly;
using Stateless;
using Verified.Conformance;
using Verified.Reference.Loki.Ring;
using Xunit;

namespace Verified.Systematic.Tests;

/// <summary>
/// The suite proves nothing unless Coyote rewrote the code it runs: without rewriting, tasks run uncontrolled
/// and a scenario passes after exploring a single schedule (NOTES-dotnet 2). The build's CoyoteRewrite target
/// does it; these tests fail when it did not run or skipped an assembly.
/// </summary>
public sealed class RewrittenAssembliesTests
{
    public static TheoryData<string, Type> Probes { get; } = new()
    {
        { "Verified.Systematic.Tests", typeof(RewrittenAssembliesTests) },
        { "Verified.Reference", typeof(Ring) },
        { "Verified.Conformance", typeof(PlacementTarget) },
        { "Stateless", typeof(StateMachine<,>) },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void Assembly_IsRewrittenByCoyote(string name, Type probe)
    {
        probe.Assembly.GetName().Name.ShouldBe(name);
        RewritingEngine.IsAssemblyRewritten(probe.Assembly).ShouldBeTrue(
            $"{name} ({probe.Assembly.Location}) is not rewritten: the CoyoteRewrite target in Verified.Systematic.Tests.csproj did not run over it.");
    }

    [Fact]
    public void CoyoteItself_IsNotRewritten_SoTheCheckCanFail()
    {
        // Negative control for the check above: an assembly outside the rewrite list reads as not rewritten.
        RewritingEngine.IsAssemblyRewritten(typeof(RewritingEngine).Assembly).ShouldBeFalse();
        RewritingEngine.IsAssemblyRewritten(typeof(Shouldly.ShouldBeTestExtensions).Assembly).ShouldBeFalse();
    }
}
