using Shouldly;
using Verified.Systematic.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// Ring membership under concurrency, explored by Coyote: the correct registry keeps every invariant on every
/// explored schedule, and each seeded bug is found and reproduced from its trace.
/// </summary>
public sealed class RingMembershipTests(ITestOutputHelper output) : SystematicTest(output)
{
    [Fact]
    [Trait("Requirement", "LOKI-LIFE-1")]
    [Trait("Requirement", "LOKI-PLACE-5")]
    [Trait("Requirement", "LOKI-PLACE-8")]
    public void JoinLeaveAndLookUp_WithCasRegistry_KeepsEveryInvariantOnEverySchedule() =>
        AssertNoBug(RingMembershipScenarios.JoinLeaveAndLookUp_WithCasRegistry);

    [Fact]
    public void ConcurrentJoins_WithRacyRegistry_LoseAJoin_AndTheReplayLosesItAgain()
    {
        var bug = AssertBugFound(RingMembershipScenarios.ConcurrentJoins_WithRacyRegistry, RingSnapshotChecks.LostChange);
        bug.ShouldMatch(@"ing-[45] ", "the lost change must be one of the two joins");
    }

    [Fact]
    public void Lookups_OnARingThatWalksAnInstanceTwice_ReturnItTwice_AndTheReplayAgain()
    {
        var bug = AssertBugFound(RingMembershipScenarios.JoinLeaveAndLookUp_WithDuplicateWalkRing, RingSnapshotChecks.LookupViolation);
        bug.ShouldContain("distinct instances");
    }
}
