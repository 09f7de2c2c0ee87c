using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Ring;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The WAL: durability before the ack, checkpoints, replay with counters, torn and corrupt segments, ring join order.</summary>
public sealed class WalTests
{
    private const long Second = 1_000_000_000L;
    private const string A = "{app=\"a\"}";
    private const string B = "{app=\"b\"}";
    private const string FirstSegment = "wal/00000001";
    private static readonly long T = IngesterHarness.BaseNs;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task EveryAcknowledgedEntry_SurvivesACrashThatTearsUnsyncedWrites(int seed)
    {
        var harness = new IngesterHarness(seed: seed);
        await harness.StartAsync();
        var random = new Random(seed);
        var acked = new HashSet<(string, long, string)>();
        for (var i = 0; i < 30; i++)
        {
            var labels = random.Next(2) == 0 ? A : B;
            var entries = Enumerable.Range(0, random.Next(1, 4)).Select(j => (T + (((i * 4) + j) * Second), $"{i}.{j}")).ToArray();
            if ((await harness.PushAsync(labels, entries)).IsSuccess)
            {
                acked.UnionWith(entries.Select(e => (labels, e.Item1, e.Item2)));
            }

            if (random.Next(8) == 0)
            {
                await harness.CrashAndRestartAsync();
            }
        }

        // A write in flight at the crash (never acknowledged) leaves a torn tail behind the last record.
        var last = (await harness.Disk.ListAsync("wal/")).Last(p => !p.Contains("checkpoint", StringComparison.Ordinal));
        await harness.Disk.AppendAsync(last, new byte[] { 0, 0, 0, 50, 1, 2, 3 });
        await harness.CrashAndRestartAsync();
        (await harness.VisibleAsync()).IsSupersetOf(acked).ShouldBeTrue();
        acked.Count.ShouldBeGreaterThan(30);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task TornTailOfASegment_IsToleratedAndCounted()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        await harness.PushAsync(A, (T + 1, "two"));
        await harness.Disk.SyncAsync(FirstSegment);
        await harness.Disk.AppendAsync(FirstSegment, new byte[] { 0, 0, 1, 0, 9, 9, 9, 9, 1, 2 }); // an unacked frame, cut short
        harness.Current.Crash(); // the process dies; the disk keeps the partial frame
        var restarted = await harness.StartAsync();
        restarted.LastReplay!.TornTails.ShouldBe(1);
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "two"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task CorruptRecord_StopsItsSegment_ButLaterSegmentsStillReplay()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        await harness.PushAsync(A, (T + 1, "two"));
        await harness.PushAsync(A, (T + 2, "three"));
        var segment = (await harness.Disk.ReadAsync(FirstSegment))!;
        var secondFrame = 8 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(segment);
        segment[secondFrame + 12] ^= 0x55;
        await harness.Disk.WriteAsync(FirstSegment, segment);
        await harness.Disk.SyncAsync(FirstSegment);
        harness.Current.Crash();
        var restarted = await harness.StartAsync();
        restarted.LastReplay!.CorruptRecords.ShouldBe(1);
        await harness.PushAsync(A, (T + 3, "four"));
        await harness.CrashAndRestartAsync();
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "four"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task Replay_SkipsRecordsWhoseCounterIsAtMostTheCheckpointedEntryCount()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        await harness.PushAsync(A, (T + 1, "two"));
        await harness.PushAsync(A, (T + 2, "three"));
        var early = (await harness.Disk.ReadAsync(FirstSegment))!;
        var index = await harness.Current.CheckpointAsync();
        (await harness.Disk.ReadAsync(FirstSegment)).ShouldBeNull();
        await harness.PushAsync(A, (T + 3, "four"));

        // As if those three records had been written after the checkpoint's segment cut (a push racing the
        // checkpoint): they are in the checkpoint already, and their counters (1, 2, 3) say so.
        var late = $"wal/{index + 1:D8}";
        await harness.Disk.AppendAsync(late, early);
        await harness.Disk.SyncAsync(late);
        var restarted = await harness.CrashAndRestartAsync();

        restarted.LastReplay!.Checkpoint.ShouldBe(index);
        restarted.LastReplay.StreamRecordsSkipped.ShouldBe(3);
        restarted.LastReplay.StreamRecordsApplied.ShouldBe(1);
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "two", "three", "four"]);
        restarted.FindStream(IngesterHarness.Tenant, A)!.EntryCount.ShouldBe(4);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task CheckpointThenSegments_RestoreChunksCountersAndTheWindow()
    {
        var harness = new IngesterHarness(IngesterConfig.Default with { BlockSize = 64, TargetChunkSize = 200 });
        await harness.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await harness.PushAsync(i % 2 == 0 ? A : B, (T + (i * 60 * Second), $"entry number {i} with padding"));
        }

        var before = await harness.InMemoryAsync();
        var chunksBefore = harness.Current.FindStream(IngesterHarness.Tenant, A)!.Chunks.Count;
        await harness.Current.CheckpointAsync();
        await harness.PushAsync(A, (T + (30 * 60 * Second), "after the checkpoint"));
        var restarted = await harness.CrashAndRestartAsync();

        restarted.LastReplay!.StreamsRestored.ShouldBe(2);
        (await harness.InMemoryAsync()).ShouldBe([.. before.Where(x => x.Labels == A), (A, new(T + (30 * 60 * Second), "after the checkpoint")), .. before.Where(x => x.Labels == B)]);
        var stream = restarted.FindStream(IngesterHarness.Tenant, A)!;
        stream.Chunks.Count.ShouldBeGreaterThanOrEqualTo(chunksBefore);
        stream.EntryCount.ShouldBe(11);
        stream.HighestTs.ShouldBe(T + (30 * 60 * Second));
        (await harness.PushAsync(A, (T - (31 * 60 * Second), "outside the restored window"))).StatusCode.ShouldBe(400);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task Checkpoint_DeletesOldSegmentsOnlyOnceItIsDurable()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        harness.NodeDisk.FailRenames = true;
        await Should.ThrowAsync<IOException>(() => harness.Current.CheckpointAsync());
        (await harness.Disk.ListAsync("wal/")).ShouldBe([FirstSegment]);
        harness.NodeDisk.FailRenames = false;
        await harness.PushAsync(A, (T + 1, "two"));
        await harness.CrashAndRestartAsync();
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "two"]);

        var index = await harness.Current.CheckpointAsync();
        (await harness.Disk.ListAsync("wal/")).ShouldBe([$"wal/checkpoint.{index:D8}"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-4")]
    public async Task Restart_JoinsTheRingOnlyAfterTheReplay()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        harness.Joins.ShouldBe([(IngesterStates.Joining, 0)]);
        await harness.PushAsync(A, (T, "one"), (T + 1, "two"));
        await harness.Current.CheckpointAsync();
        await harness.PushAsync(B, (T + 2, "three"));
        var restarted = await harness.CrashAndRestartAsync();
        harness.Joins[^1].ShouldBe((IngesterStates.Joining, 3));
        restarted.State.ShouldBe(IngesterStates.Running);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-4")]
    [Trait("Requirement", "LOKI-LIFE-3")]
    public async Task FailedReplay_LeavesTheIngesterFailed_AndNeverJoinsTheRing()
    {
        var harness = new IngesterHarness();
        await harness.Disk.WriteAsync("wal/checkpoint.00000004", "not a checkpoint"u8.ToArray());
        await harness.Disk.SyncAsync("wal/checkpoint.00000004");
        await Should.ThrowAsync<InvalidDataException>(() => harness.StartAsync());
        harness.Current.State.ShouldBe(IngesterStates.Failed);
        harness.Joins.ShouldBeEmpty();
        Should.Throw<InvalidTransitionException>(() => harness.Current.StartAsync()).Message.ShouldBe("ingester cannot change from FAILED to REPLAYING");
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-2")]
    public async Task CountersAreKeptAcrossReplays_SoASecondCrashLosesNothing()
    {
        // Loki resets every counter to 0 after a replay; a record written then (counter 1) would be ≤ the
        // counters replayed from older segments on the next restart, and dropped.
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"), (T + 1, "two"));
        await harness.CrashAndRestartAsync();
        await harness.PushAsync(A, (T + 2, "three"));
        await harness.CrashAndRestartAsync();
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-2")]
    public async Task AReCreatedStream_ContinuesItsCounter_SoACrashAfterTheCheckpointLosesNothing()
    {
        // The checkpoint holds stream A with counter 1; A is flushed and removed, then re-created. Starting the new
        // A at 0 (as Loki does) would give its first record counter 1, which replay would drop as checkpointed.
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "one"));
        await harness.Current.CheckpointAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        (await harness.Current.FlushAsync()).Flushed.Single().Reason.ShouldBe(FlushReasons.Idle);
        harness.Current.FindStream(IngesterHarness.Tenant, A).ShouldBeNull();
        await harness.PushAsync(A, (T + 1, "two"));
        await harness.CrashAndRestartAsync();
        (await harness.VisibleAsync()).Select(x => x.Line).Order().ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task DiskFull_LokiCompatAcknowledgesWithoutTheRecord_StrictAnswers500()
    {
        var compat = new IngesterHarness();
        await compat.StartAsync();
        compat.Disk.Capacity = 10_000;
        var big = new string('x', 20_000);
        (await compat.PushAsync(A, (T, big))).StatusCode.ShouldBe(200);
        await compat.CrashAndRestartAsync();
        (await compat.VisibleAsync()).ShouldBeEmpty(); // the named flaw: an acknowledged entry is lost

        var strict = new IngesterHarness(IngesterConfig.Default with { Compat = Compat.Strict });
        await strict.StartAsync();
        strict.Disk.Capacity = 10_000;
        var response = await strict.PushAsync(A, (T, big));
        response.StatusCode.ShouldBe(500);
        response.Body.ShouldContain("no space left on device");
    }

    [Fact]
    public async Task LokiCompat_AfterAWalWriteHitENOSPC_FlushesEverythingOnShutdown()
    {
        var harness = new IngesterHarness();
        var ingester = await harness.StartAsync();
        harness.Disk.Capacity = 10_000;
        await harness.PushAsync(A, (T, new string('x', 20_000)));
        await ingester.StopAsync();
        (await harness.StoredAsync()).Count.ShouldBe(1);
        ingester.State.ShouldBe(IngesterStates.Stopped);
    }
}
