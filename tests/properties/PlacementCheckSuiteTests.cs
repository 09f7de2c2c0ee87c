using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>What <c>verified check</c> runs: every placement check holds on the reference (a small budget; the properties run fully above).</summary>
public sealed class PlacementCheckSuiteTests
{
    public static TheoryData<string> CheckNames { get; } = [.. PlacementChecks.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void PlacementCheck_PassesOnTheReference(string name)
    {
        var check = PlacementChecks.All.Single(c => c.Name == name);
        var outcome = check.Run(TestEnvironment.Context(PlacementTarget.Reference, maxTest: 20));
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
    }
}
