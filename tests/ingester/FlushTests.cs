using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The flush loop: reasons, store-then-index-then-memory order, retries with backoff, the loop on the clock.</summary>
public sealed class FlushTests
{
    private const long Second = 1_000_000_000L;
    private const string A = "{app=\"a\"}";
    private static readonly long T = IngesterHarness.BaseNs;

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task IdleChunk_IsFlushedAfterThirtyMinutes_ThenStoredIndexedAndDroppedFromMemory()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"), (T + 1, "two"));
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        (await ingester.FlushAsync()).Flushed.ShouldBeEmpty(); // idle is strictly longer than 30m
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        var report = await ingester.FlushAsync();

        var flushed = report.Flushed.Single();
        flushed.Reason.ShouldBe(FlushReasons.Idle);
        flushed.Entries.ShouldBe(2);
        (await harness.ChunkKeysAsync()).ShouldBe([flushed.Key.Format()]);
        (await harness.Index.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).Single().ChunkKey.ShouldBe(flushed.Key.Format());
        report.Removed.ShouldBe(1);
        (await harness.InMemoryAsync()).ShouldBeEmpty();
        (await harness.StoredAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task ChunkSpanningMoreThanMaxChunkAge_IsFlushedForMaxAge()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "start"));
        await harness.PushAsync(A, (T + (3600 * Second), "one hour"));
        await harness.PushAsync(A, (T + (7200 * Second), "exactly two hours"));
        (await ingester.FlushAsync()).Flushed.ShouldBeEmpty();
        await harness.PushAsync(A, (T + (7200 * Second) + 1, "past two hours"));
        (await ingester.FlushAsync()).Flushed.Single().Reason.ShouldBe(FlushReasons.MaxAge);
    }

    [Fact]
    public async Task FullChunk_IsFlushedAsFull_AndTheOpenOneStays()
    {
        var harness = new IngesterHarness(IngesterConfig.Default with { BlockSize = 100, TargetChunkSize = 150, SyncPeriod = TimeSpan.Zero });
        var ingester = await harness.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await harness.PushAsync(A, (T + i, $"{i:D2} {new string('z', 40)}"));
        }

        var report = await ingester.FlushAsync();
        report.Flushed.ShouldNotBeEmpty();
        report.Flushed.ShouldAllBe(f => f.Reason == FlushReasons.Full);
        var stream = ingester.FindStream(IngesterHarness.Tenant, A)!;
        stream.Chunks.Single().State.ShouldBe(ChunkStates.Open);
        ((await harness.StoredAsync()).Count + (await harness.InMemoryAsync()).Count).ShouldBe(12);
    }

    [Fact]
    public async Task FlushAll_UsesTheForcedReason_AndNotOwnedStreamsAreFlushedAsNotOwned()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "x"));
        (await ingester.FlushAllAsync()).Flushed.Single().Reason.ShouldBe(FlushReasons.Forced);

        var moved = new IngesterHarness { IsOwned = (_, labels, _) => labels != A };
        var other = await moved.StartAsync();
        await moved.PushAsync(A, (T, "x"));
        await moved.PushAsync("{app=\"kept\"}", (T, "y"));
        var report = await other.FlushAsync();
        report.Flushed.Single().Reason.ShouldBe(FlushReasons.NotOwned);
        report.Flushed.Single().Labels.ShouldBe(A);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task StoreFailures_AreRetriedWithBackoff_AndTheChunkStaysInMemoryUntilStored()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "precious"));
        harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", 3);

        var delays = new List<TimeSpan>();
        var report = await ingester.FlushAllAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            report.FailedAttempts.ShouldBe(1);
            report.RetriesScheduled.ShouldBe(1);
            ingester.FindStream(IngesterHarness.Tenant, A)!.Chunks.Single().State.ShouldBe(ChunkStates.Closed);
            (await harness.InMemoryAsync()).Single().Entry.Line.ShouldBe("precious");
            var due = ingester.NextFlushRetry!.Value;
            delays.Add(due - harness.Clock.GetUtcNow());
            harness.Clock.SetUtcNow(due - TimeSpan.FromTicks(1));
            (await ingester.FlushAsync()).FailedAttempts.ShouldBe(0); // not due yet: no attempt
            harness.Clock.SetUtcNow(due);
            report = await ingester.FlushAsync();
        }

        report.Flushed.Single().Reason.ShouldBe(FlushReasons.Forced);
        delays[0].ShouldBeInRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        delays[1].ShouldBeInRange(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));
        delays[2].ShouldBeInRange(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60));
        (await harness.InMemoryAsync()).ShouldBeEmpty();
        (await harness.StoredAsync()).Single().Entry.Line.ShouldBe("precious");
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task AfterTenFailedAttempts_TheOperationIsGivenUp_ButTheChunkStaysAndALaterSweepTriesAgain()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "precious"));
        harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", 10);
        var report = await ingester.FlushAllAsync();
        var attempts = 1;
        while (ingester.NextFlushRetry is { } due)
        {
            harness.Clock.SetUtcNow(due);
            report = await ingester.FlushAsync();
            attempts++;
        }

        attempts.ShouldBe(10);
        report.GivenUp.ShouldBe(1);
        (await harness.InMemoryAsync()).Single().Entry.Line.ShouldBe("precious");
        (await harness.ChunkKeysAsync()).ShouldBeEmpty();

        (await ingester.FlushAsync()).Flushed.Single().Reason.ShouldBe(FlushReasons.Forced); // the reason it was first picked for
        (await harness.StoredAsync()).Single().Entry.Line.ShouldBe("precious");
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task IndexFailure_KeepsTheChunkInMemory_UntilTheIndexPointsAtIt()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "precious"));
        harness.Store.FailNextPuts(ChunkIndex.Prefix, 1);
        var report = await ingester.FlushAllAsync();
        report.FailedAttempts.ShouldBe(1);
        (await harness.ChunkKeysAsync()).Count.ShouldBe(1); // the object landed ...
        (await harness.Index.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).ShouldBeEmpty(); // ... unindexed
        (await harness.InMemoryAsync()).Count.ShouldBe(1);

        harness.Clock.SetUtcNow(ingester.NextFlushRetry!.Value);
        (await ingester.FlushAsync()).Flushed.Length.ShouldBe(1);
        (await harness.Index.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).Count.ShouldBe(1);
        (await harness.InMemoryAsync()).ShouldBeEmpty();
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task WhileTheStoreHasNotConfirmed_TheEntriesAreStillInMemory()
    {
        var seen = await EntriesInMemoryDuringTheFailedPut(IngesterFaults.None);
        seen.ShouldBe(1);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-9")]
    public async Task AFreshProcessOverTheSameStore_FindsEveryFlushedChunkThroughTheIndex()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        await harness.PushAsync("{app=\"b\"}", (T, "two"));
        var keys = (await ingester.FlushAllAsync()).Flushed.Select(f => f.Key.Format()).Order(StringComparer.Ordinal).ToList();
        var fresh = await ChunkIndex.OpenAsync(harness.Store);
        (await fresh.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).Select(e => e.ChunkKey).Order(StringComparer.Ordinal).ShouldBe(keys);
    }

    [Fact]
    public Task RunAsync_FlushesAndCheckpointsOnTheInjectedClock() =>
        // Off xunit's SynchronizationContext: with one current, .NET never inlines a continuation, so a timer fired
        // by SimulatedClock.Advance would resume the loop later on the thread pool instead of within the advance.
        Task.Run(async () =>
        {
            var harness = new IngesterHarness();
            var ingester = await harness.StartAsync();
            await harness.PushAsync(A, (T, "one"));
            using var cancel = new CancellationTokenSource();
            var loop = ingester.RunAsync(cancel.Token);
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
            (await harness.Disk.ListAsync("wal/checkpoint")).Count.ShouldBe(1);
            (await harness.StoredAsync()).ShouldBeEmpty();
            harness.Clock.Advance(TimeSpan.FromMinutes(27));
            (await harness.StoredAsync()).Single().Entry.Line.ShouldBe("one");
            await ingester.StopAsync();
            await loop;
            loop.IsCompletedSuccessfully.ShouldBeTrue();
        });

    /// <summary>How many entries a put that is about to fail sees in the ingester's memory.</summary>
    internal static async Task<int> EntriesInMemoryDuringTheFailedPut(IngesterFaults faults)
    {
        var harness = new IngesterHarness(faults: faults);
        var ingester = await harness.StartAsync();
        await harness.PushAsync(A, (T, "precious"));
        var seen = -1;
        harness.Store.BeforePut = async key =>
        {
            if (key.StartsWith(IngesterHarness.Tenant + "/", StringComparison.Ordinal))
            {
                seen = (await ingester.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue, _ => true)).Sum(s => s.Entries.Length);
            }
        };
        harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", 1);
        await ingester.FlushAllAsync();
        var visible = await harness.VisibleAsync();
        return visible.Count == 0 ? 0 : seen;
    }
}
