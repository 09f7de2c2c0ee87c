using System.Collections.Immutable;
using Shouldly;
using Verified.Conformance.Checks;
using Verified.Conformance.Lifecycle;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The lifecycle conformance checks hold for the spec and fail for a table that disagrees with dskit.</summary>
public sealed class LifecycleCheckTests
{
    private static readonly LifecycleTable Spec = LokiRouting.LifecycleTable;

    [Fact]
    [Requirement("LOKI-LIFE-1")]
    public void SpecTable_PassesTheTransitionCheck() => LifecycleChecks.Transitions(Spec).Verdict.ShouldBe(Verdict.Passed);

    [Fact]
    [Requirement("LOKI-LIFE-2")]
    public void SpecTable_PassesTheRestartCheck() => LifecycleChecks.Restart(Spec).Verdict.ShouldBe(Verdict.Passed);

    [Fact]
    [Requirement("LOKI-LIFE-1")]
    public void SeededBug_ExtraTransition_IsCaught()
    {
        // LEAVING -> ACTIVE is what a restart does, never what changeState allows.
        var broken = With(Spec, transitions: Spec.Transitions.Add(new LifecycleTransition("LEAVING", "ACTIVE")));
        var outcome = LifecycleChecks.Transitions(broken);
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("LEAVING -> ACTIVE was allowed; dskit disallows it");
    }

    [Fact]
    [Requirement("LOKI-LIFE-1")]
    public void SeededBug_WrongDisallowedText_IsCaught() =>
        LifecycleChecks.Transitions(With(Spec, disallowed: "cannot change from {0} to {1}")).Detail.ShouldContain("expected 'changing instance state from");

    [Fact]
    [Requirement("LOKI-LIFE-2")]
    public void SeededBug_RestartKeepsJoining_IsCaught()
    {
        var outcome = LifecycleChecks.Restart(With(Spec, onRestart: ImmutableDictionary<string, string>.Empty));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("found JOINING: resumed JOINING, expected PENDING");
    }

    private static LifecycleTable With(LifecycleTable table, ImmutableArray<LifecycleTransition>? transitions = null, ImmutableDictionary<string, string>? onRestart = null, string? disallowed = null) =>
        new(table.Name, table.Initial, table.States, transitions ?? table.Transitions, onRestart ?? table.OnRestart, disallowed ?? table.DisallowedTemplate);
}
