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
        outcome.Detail.ShouldContain("LEAVING -> ACTIVE was allowed; the model disallows it");
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

    [Fact]
    [Requirement("LOKI-LIFE-3")]
    [Requirement("LOKI-DUR-4")]
    public void IngesterTable_PassesAndAJoinBeforeReplayIsCaught()
    {
        var table = LokiRouting.IngesterLifecycle;
        LifecycleChecks.Transitions(table, LifecycleModel.LokiIngester).Verdict.ShouldBe(Verdict.Passed);
        // Seeded bug: joining the ring before the WAL replay.
        var broken = With(table, transitions: table.Transitions.Add(new LifecycleTransition("NEW", "JOINING")));
        LifecycleChecks.Transitions(broken, LifecycleModel.LokiIngester).Detail.ShouldContain("NEW -> JOINING was allowed");
    }

    [Fact]
    [Requirement("LOKI-LIFE-4")]
    [Requirement("LOKI-DUR-5")]
    public void ChunkTable_PassesAndRemovalBeforeFlushIsCaught()
    {
        var table = LokiRouting.ChunkLifecycle;
        LifecycleChecks.Transitions(table, LifecycleModel.LokiChunk).Verdict.ShouldBe(Verdict.Passed);
        // Seeded bug: a chunk dropped from memory before the store confirmed it.
        var broken = With(table, transitions: table.Transitions.Add(new LifecycleTransition("FLUSHING", "REMOVED")));
        LifecycleChecks.Transitions(broken, LifecycleModel.LokiChunk).Detail.ShouldContain("FLUSHING -> REMOVED was allowed");
    }

    private static LifecycleTable With(LifecycleTable table, ImmutableArray<LifecycleTransition>? transitions = null, ImmutableDictionary<string, string>? onRestart = null, string? disallowed = null) =>
        new(table.Name, table.Initial, table.States, transitions ?? table.Transitions, onRestart ?? table.OnRestart, disallowed ?? table.DisallowedTemplate);
}
