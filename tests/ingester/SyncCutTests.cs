using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The synchronized cut: where it cuts, and that replicas fed the same entries store identical chunks once.</summary>
public sealed class SyncCutTests
{
    private const long Second = 1_000_000_000L;
    private const string Labels = "{app=\"sync\"}";

    [Fact]
    [Trait("Requirement", "LOKI-DUR-7")]
    public void SyncCut_CutsExactlyWhereTheFingerprintShiftedPeriodRollsOver()
    {
        var config = IngesterConfig.Default with { SyncPeriod = TimeSpan.FromMinutes(1), SyncMinUtilization = 0 };
        var stream = StreamVectorTests.NewStream(config, Labels);
        var entries = Enumerable.Range(0, 60).Select(i => new LogEntry(IngesterHarness.BaseNs + (i * 7 * Second), $"line {i}")).ToList();
        foreach (var entry in entries)
        {
            stream.Push([entry], replay: false, DateTimeOffset.UnixEpoch);
        }

        // Independent model of stream.go cutChunkForSynchronization with min_util 0.
        var period = (ulong)(60 * Second);
        var expected = new List<int> { 0 };
        for (var i = 1; i < entries.Count; i++)
        {
            var cts = ((ulong)entries[i].TimestampNs + stream.Fingerprint) % period;
            var pts = ((ulong)entries[i - 1].TimestampNs + stream.Fingerprint) % period;
            if (cts < pts)
            {
                expected.Add(0);
            }

            expected[^1]++;
        }

        expected[0]++;
        stream.Chunks.Select(c => c.Chunk.Size).ShouldBe(expected);
        expected.Count.ShouldBeGreaterThan(5);
        stream.Chunks.SkipLast(1).ShouldAllBe(c => c.Synced && c.State == ChunkStates.Closed);
    }

    [Fact]
    public void SyncCut_NeedsMoreThanTheMinimumUtilization_AndAnEntryAtOrAfterTheHighestTimestamp()
    {
        var stream = StreamVectorTests.NewStream(IngesterConfig.Default with { SyncPeriod = TimeSpan.FromMinutes(1) }, Labels);
        foreach (var i in Enumerable.Range(0, 60))
        {
            stream.Push([new LogEntry(IngesterHarness.BaseNs + (i * 7 * Second), "tiny")], replay: false, DateTimeOffset.UnixEpoch);
        }

        stream.Chunks.Count.ShouldBe(1); // utilization stays far below 0.1 of 1.5 MB

        var eager = StreamVectorTests.NewStream(IngesterConfig.Default with { SyncPeriod = TimeSpan.FromMinutes(1), SyncMinUtilization = 0 }, Labels);
        var top = IngesterHarness.BaseNs + (3600 * Second);
        eager.Push([new LogEntry(top, "highest")], replay: false, DateTimeOffset.UnixEpoch);
        foreach (var i in Enumerable.Range(1, 30))
        {
            // Older than the highest timestamp: never a sync cut, whatever the modulo says.
            eager.Push([new LogEntry(top - (i * 7 * Second), "older")], replay: false, DateTimeOffset.UnixEpoch);
        }

        eager.Chunks.Count.ShouldBe(1);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-7")]
    public async Task Replicas_FedTheSameEntries_CutIdenticalChunks_AndTheStoreKeepsEachOnce()
    {
        var config = IngesterConfig.Default with { BlockSize = 400, TargetChunkSize = 1000, SyncPeriod = TimeSpan.FromMinutes(3) };
        var first = new IngesterHarness(config, seed: 1);
        var second = new IngesterHarness(config, seed: 2);
        var a = await first.StartAsync();
        var b = await second.StartAsync();
        var random = new Random(11);
        var keysA = new List<string>();
        var keysB = new List<string>();
        for (var batch = 0; batch < 40; batch++)
        {
            var entries = Enumerable.Range(0, 5).Select(i => (IngesterHarness.BaseNs + (((batch * 5) + i) * 3 * Second), $"req={batch}.{i} payload={random.Next():x8}{random.Next():x8}")).ToArray();
            (await a.PushAsync(IngesterHarness.Request(Labels, entries))).IsSuccess.ShouldBeTrue();
            (await b.PushAsync(IngesterHarness.Request(Labels, entries))).IsSuccess.ShouldBeTrue();
        }

        var flushedA = (await a.FlushAllAsync()).Flushed;
        var flushedB = (await b.FlushAllAsync()).Flushed;

        flushedA.Select(f => f.Key).ShouldBe(flushedB.Select(f => f.Key));
        flushedA.Select(f => f.Reason).ShouldContain(FlushReasons.Synced);
        flushedA.Select(f => f.Reason).ShouldContain(FlushReasons.Full);
        foreach (var key in flushedA.Select(f => f.Key.Format()))
        {
            (await first.Store.GetAsync(key)).ShouldBe(await second.Store.GetAsync(key));
        }

        // Both replicas write to one store: identical keys are one object and one index entry.
        var shared = new IngesterHarness(config, seed: 3);
        var c = await shared.StartAsync();
        var d = new Reference.Loki.Ingester.Ingester(config, new IngesterDependencies(new Reference.Simulation.InMemoryDisk(), shared.Store, shared.Index, shared.Clock, new Random(4)));
        await d.StartAsync();
        random = new Random(11);
        for (var batch = 0; batch < 40; batch++)
        {
            var entries = Enumerable.Range(0, 5).Select(i => (IngesterHarness.BaseNs + (((batch * 5) + i) * 3 * Second), $"req={batch}.{i} payload={random.Next():x8}{random.Next():x8}")).ToArray();
            await c.PushAsync(IngesterHarness.Request(Labels, entries));
            await d.PushAsync(IngesterHarness.Request(Labels, entries));
        }

        await c.FlushAllAsync();
        await d.FlushAllAsync();
        (await shared.ChunkKeysAsync()).Count.ShouldBe(flushedA.Length);
        (await shared.Index.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).Count.ShouldBe(flushedA.Length);
    }

    [Fact]
    public async Task AReplicaThatMissedAPush_CutsDifferently_AndBothVersionsAreStored()
    {
        // LOKI.md §4 [FLAW]: a replica that missed a quorum write diverges; the store then keeps both chunks.
        var config = IngesterConfig.Default with { BlockSize = 400, TargetChunkSize = 1500, SyncPeriod = TimeSpan.FromMinutes(2) };
        var shared = new IngesterHarness(config);
        var full = await shared.StartAsync();
        var partial = new Reference.Loki.Ingester.Ingester(config, new IngesterDependencies(new Reference.Simulation.InMemoryDisk(), shared.Store, shared.Index, shared.Clock, new Random(4)));
        await partial.StartAsync();
        for (var batch = 0; batch < 20; batch++)
        {
            var entries = Enumerable.Range(0, 5).Select(i => (IngesterHarness.BaseNs + (((batch * 5) + i) * 3 * Second), $"entry {batch}.{i} with some padding to fill chunks")).ToArray();
            await full.PushAsync(IngesterHarness.Request(Labels, entries));
            if (batch != 3)
            {
                await partial.PushAsync(IngesterHarness.Request(Labels, entries));
            }
        }

        var keysFull = (await full.FlushAllAsync()).Flushed.Select(f => f.Key).ToHashSet();
        var keysPartial = (await partial.FlushAllAsync()).Flushed.Select(f => f.Key).ToHashSet();
        keysFull.SetEquals(keysPartial).ShouldBeFalse();
        (await shared.ChunkKeysAsync()).Count.ShouldBe(keysFull.Union(keysPartial).Count());
    }
}
