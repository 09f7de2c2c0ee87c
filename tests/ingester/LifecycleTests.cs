using System.Collections.Immutable;
using Shouldly;
using Verified.Reference.Lifecycle;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The ingester and chunk lifecycles: machines from the spec's tables, and the ingester driving them.</summary>
public sealed class LifecycleTests
{
    private static readonly long T = IngesterHarness.BaseNs;

    public static TheoryData<string, string> DisallowedIngesterChanges => Disallowed(LokiRouting.IngesterLifecycle);

    public static TheoryData<string, string> DisallowedChunkChanges => Disallowed(LokiRouting.ChunkLifecycle);

    [Theory]
    [MemberData(nameof(DisallowedIngesterChanges))]
    [Trait("Requirement", "LOKI-LIFE-3")]
    public void IngesterMachine_RejectsEveryChangeTheSpecDoesNotList(string from, string to)
    {
        var machine = new SpecStateMachine(LokiRouting.IngesterLifecycle, from);
        machine.CanChangeTo(to).ShouldBeFalse();
        Should.Throw<InvalidTransitionException>(() => machine.ChangeTo(to)).Message.ShouldBe($"ingester cannot change from {from} to {to}");
        machine.State.ShouldBe(from);
    }

    [Theory]
    [MemberData(nameof(DisallowedChunkChanges))]
    [Trait("Requirement", "LOKI-LIFE-4")]
    public void ChunkMachine_RejectsEveryChangeTheSpecDoesNotList(string from, string to)
    {
        var machine = new SpecStateMachine(LokiRouting.ChunkLifecycle, from);
        Should.Throw<InvalidTransitionException>(() => machine.ChangeTo(to)).Message.ShouldBe($"chunk cannot change from {from} to {to}");
    }

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-4")]
    public void MachinesOfOneTable_KeepTheirOwnStates_FromManyThreads()
    {
        // The configured Stateless machine is shared per table; each instance's state must stay its own.
        var machines = Enumerable.Range(0, 64).Select(_ => new SpecStateMachine(LokiRouting.ChunkLifecycle)).ToArray();
        Parallel.For(0, machines.Length, i =>
        {
            if (i % 2 == 0)
            {
                machines[i].ChangeTo(ChunkStates.Closed);
                machines[i].ChangeTo(ChunkStates.Flushing);
            }
        });

        for (var i = 0; i < machines.Length; i++)
        {
            machines[i].State.ShouldBe(i % 2 == 0 ? ChunkStates.Flushing : ChunkStates.Open, $"machine {i}");
            machines[i].CanChangeTo(ChunkStates.Flushed).ShouldBe(i % 2 == 0, $"machine {i}");
        }

        machines[1].CanChangeTo(ChunkStates.Closed).ShouldBeTrue();
        machines[0].CanChangeTo(ChunkStates.Closed).ShouldBeTrue();
        Should.Throw<InvalidTransitionException>(() => machines[1].ChangeTo(ChunkStates.Flushed)).Message.ShouldBe("chunk cannot change from OPEN to FLUSHED");
    }

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-3")]
    public async Task Ingester_GoesNewReplayingJoiningRunningStoppingStopped()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        harness.Joins.Single().State.ShouldBe(IngesterStates.Joining);
        ingester.State.ShouldBe(IngesterStates.Running);
        Should.Throw<InvalidTransitionException>(() => ingester.StartAsync()).Message.ShouldBe("ingester cannot change from RUNNING to REPLAYING");
        await ingester.StopAsync();
        ingester.State.ShouldBe(IngesterStates.Stopped);
        ingester.LifecycleMermaid.ShouldContain("REPLAYING");
    }

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-3")]
    public async Task Ingester_StoppingBeforeStarting_IsRejected_AndAFailedJoinLeavesItFailed()
    {
        var harness = new IngesterHarness();
        var deps = new IngesterDependencies(harness.Disk, harness.Store, new Reference.Storage.ChunkIndex(harness.Store), harness.Clock, new Random(1))
        {
            JoinRingAsync = _ => throw new InvalidOperationException("ring unreachable"),
        };
        var ingester = new Reference.Loki.Ingester.Ingester(IngesterConfig.Default, deps);
        Should.Throw<InvalidTransitionException>(() => ingester.StopAsync()).Message.ShouldBe("ingester cannot change from NEW to STOPPING");
        await Should.ThrowAsync<InvalidOperationException>(() => ingester.StartAsync());
        ingester.State.ShouldBe(IngesterStates.Failed);
    }

    [Fact]
    [Trait("Requirement", "LOKI-LIFE-4")]
    public async Task Chunk_GoesOpenClosedFlushingFlushedRemoved_AndBackToClosedWhenTheStoreFails()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync("{app=\"a\"}", (T, "x"));
        var chunk = ingester.FindStream(IngesterHarness.Tenant, "{app=\"a\"}")!.Chunks.Single();
        var seen = new List<string> { chunk.State };
        harness.Store.BeforePut = key =>
        {
            if (!key.StartsWith(Reference.Storage.ChunkIndex.Prefix, StringComparison.Ordinal))
            {
                seen.Add(chunk.State);
            }

            return Task.CompletedTask;
        };
        harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", 1);
        await ingester.FlushAllAsync();
        seen.Add(chunk.State);
        harness.Clock.SetUtcNow(ingester.NextFlushRetry!.Value);
        await ingester.FlushAsync();
        seen.Add(chunk.State);

        seen.ShouldBe([ChunkStates.Open, ChunkStates.Flushing, ChunkStates.Closed, ChunkStates.Flushing, ChunkStates.Removed]);
    }

    [Fact]
    public void ALifecycleTableWithoutTheStatesTheIngesterDrives_IsRejected()
    {
        var table = new LifecycleTable("Ingester", "NEW", ["NEW", "RUNNING"], [new LifecycleTransition("NEW", "RUNNING")], ImmutableDictionary<string, string>.Empty, "{0} -> {1}");
        var harness = new IngesterHarness();
        var deps = new IngesterDependencies(harness.Disk, harness.Store, new Reference.Storage.ChunkIndex(harness.Store), harness.Clock, new Random(1)) { IngesterLifecycle = table };
        Should.Throw<ArgumentException>(() => new Reference.Loki.Ingester.Ingester(IngesterConfig.Default, deps)).Message.ShouldContain("REPLAYING");
    }

    private static TheoryData<string, string> Disallowed(LifecycleTable table)
    {
        var data = new TheoryData<string, string>();
        foreach (var from in table.States)
        {
            foreach (var to in table.States.Where(to => !table.IsAllowed(from, to)))
            {
                data.Add(from, to);
            }
        }

        return data;
    }
}
