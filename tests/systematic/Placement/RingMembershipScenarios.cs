using Microsoft.Coyote.SystematicTesting;
using Verified.Conformance;
using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// The membership scenarios as Coyote test entry points. The xunit tests run them through
/// <see cref="Infrastructure.SystematicTest"/>; <c>[Test]</c> lets the Coyote CLI run and replay them too
/// (<c>dotnet tool run coyote replay &lt;dll&gt; &lt;trace&gt; -m RingMembershipScenarios.&lt;name&gt;</c>).
/// </summary>
public static class RingMembershipScenarios
{
    /// <summary>Correct: two joins, a leave and lookups over the compare-and-swap registry.</summary>
    [Test]
    public static Task JoinLeaveAndLookUp_WithCasRegistry() =>
        RingMembershipScenario.RunAsync(RingScenarioShape.JoinLeaveAndLookUp, CasRingRegistry.Create, PlacementTarget.Reference);

    /// <summary>Negative control: two joins over the blind-write registry; one join can be lost.</summary>
    [Test]
    public static Task ConcurrentJoins_WithRacyRegistry() =>
        RingMembershipScenario.RunAsync(RingScenarioShape.ConcurrentJoins, RacyRingRegistry.Create, PlacementTarget.Reference);

    /// <summary>Negative control: the correct registry, but rings whose walk takes an instance twice.</summary>
    [Test]
    public static Task JoinLeaveAndLookUp_WithDuplicateWalkRing() =>
        RingMembershipScenario.RunAsync(
            RingScenarioShape.JoinLeaveAndLookUp,
            CasRingRegistry.Create,
            PlacementTarget.Reference with { Name = "duplicate-walk", RingFaults = RingFaults.DuplicateInstanceNotSkipped });
}
